package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web pages over HTTP, in process: the running application on H2 with the password login, the
 * real pipeline and the fake Llama API. The browser tests (WebBrowserIT) cover the same ground
 * through Chromium against the jar; these pin the protocol: redirects, status codes, cookies, CSRF,
 * SSE and escaping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPlaygroundTest {

  static final String PASSWORD = "correct horse battery staple";
  private static final Pattern ANSWER_ID =
      Pattern.compile("class=\"turn assistant\" data-id=\"(\\d+)\"");

  private FakeLlamaApi llama;
  private EmbeddedServer server;

  @BeforeAll
  void start() {
    llama = FakeLlamaApi.ollama();
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("micronaut.server.port", -1);
    properties.put("cria.llama.base-url", llama.baseUrl());
    properties.put("cria.llama.max-retries", 0);
    properties.put("cria.worker.poll-interval", "100ms");
    properties.put("cria.web.password-hash", PasswordHash.hash(PASSWORD));
    server = ApplicationContext.run(EmbeddedServer.class, properties);
  }

  @AfterAll
  void stop() {
    server.close();
    llama.close();
  }

  private WebClient loggedIn() {
    WebClient browser = new WebClient(server.getURI());
    String csrf = WebClient.csrf(browser.get("/login").body());
    HttpResponse<String> login = browser.post("/login", Map.of("csrf", csrf, "password", PASSWORD));
    assertEquals(303, login.statusCode(), login.body());
    assertEquals("/", login.headers().firstValue("Location").orElseThrow());
    return browser;
  }

  @SuppressWarnings("unchecked")
  private long count(String sql) {
    TransactionOperations<Connection> transactions =
        server.getApplicationContext().getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          try (var rows = status.getConnection().createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Test
  @Order(1)
  void everyPageSendsABrowserWithoutALoginToTheLoginPage() {
    WebClient stranger = new WebClient(server.getURI());
    for (String path : List.of("/", "/c/abcdef123456", "/admin", "/admin/queue", "/admin/usage")) {
      HttpResponse<String> page = stranger.get(path);
      assertEquals(303, page.statusCode(), path);
      assertEquals("/login", page.headers().firstValue("Location").orElseThrow(), path);
    }
    HttpResponse<String> post =
        stranger.post("/c/abcdef123456/messages", Map.of("text", "hello", "csrf", "x"));
    assertEquals(401, post.statusCode());
  }

  @Test
  @Order(2)
  void theSessionCookieIsHttpOnlySameSiteStrictAndSecure() {
    WebClient browser = new WebClient(server.getURI());
    String csrf = WebClient.csrf(browser.get("/login").body());
    HttpResponse<String> login = browser.post("/login", Map.of("csrf", csrf, "password", PASSWORD));

    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(header -> header.startsWith(WebSessions.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Secure"), cookie);
    assertFalse(login.body().contains(PASSWORD));
  }

  @Test
  @Order(3)
  void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
    WebClient browser = loggedIn();
    long before = count("SELECT COUNT(*) FROM inbound_event");

    HttpResponse<String> post =
        browser.post("/c/nocsrf12345/messages", Map.of("text", "hello", "csrf", "forged"));

    assertEquals(403, post.statusCode());
    assertEquals(before, count("SELECT COUNT(*) FROM inbound_event"));
  }

  @Test
  @Order(4)
  void aMessageIsAnsweredOverSseAndStoredAsSafeHtml() {
    WebClient browser = loggedIn();
    String csrf = WebClient.csrf(browser.get("/").body());
    HttpResponse<String> created = browser.post("/conversations", Map.of("csrf", csrf));
    String page = created.headers().firstValue("Location").orElseThrow();

    HttpResponse<String> sent =
        browser.post(
            page + "/messages",
            Map.of("csrf", csrf, "text", "Say **bold** <script>alert(1)</script>"),
            "text/plain");

    assertEquals(202, sent.statusCode(), sent.body());
    List<String> events = browser.stream(sent.body());
    assertTrue(events.contains("event: done"), String.join("\n", events));
    assertTrue(events.contains("event: update"), "streamed before it was done: " + events);
    String answer = browser.get(page).body();
    assertTrue(answer.contains("<strong>bold</strong>"), answer);
    assertTrue(answer.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), answer);
    assertFalse(answer.contains("<script>alert(1)"), answer);
  }

  @Test
  @Order(5)
  void feedbackAndSettingsAreStoredAndTheAdminPagesShowThem() {
    WebClient browser = loggedIn();
    String csrf = WebClient.csrf(browser.get("/").body());
    String page =
        browser.post("/conversations", Map.of("csrf", csrf)).headers().firstValue("Location").get();
    browser.stream(
        browser
            .post(page + "/messages", Map.of("csrf", csrf, "text", "Rate me"), "text/plain")
            .body());
    Matcher answer = ANSWER_ID.matcher(browser.get(page).body());
    assertTrue(answer.find());

    var rated =
        browser.post(
            page + "/feedback", Map.of("csrf", csrf, "message", answer.group(1), "rating", "up"));
    var configured =
        browser.post(
            page + "/settings",
            Map.of("csrf", csrf, "model", "", "systemPrompt", "Answer like a pirate."));

    assertEquals(303, rated.statusCode(), rated.body());
    assertEquals(303, configured.statusCode(), configured.body());
    assertEquals(1, count("SELECT COUNT(*) FROM feedback WHERE rating = 1"));
    assertTrue(browser.get(page).body().contains("Answer like a pirate."));
    assertTrue(browser.get("/admin/feedback").body().contains("Echo: admin: Rate me"));
    String conversations = browser.get("/admin/conversations?platform=web&q=rate").body();
    assertTrue(conversations.contains("Rate me"), conversations);
    for (String admin : List.of("/admin", "/admin/usage", "/admin/refusals", "/admin/queue")) {
      assertEquals(200, browser.get(admin).statusCode(), admin);
    }
  }

  @Test
  @Order(6)
  void feedbackOnAnotherConversationsAnswerIsRefused() {
    WebClient browser = loggedIn();
    String csrf = WebClient.csrf(browser.get("/").body());

    var rated =
        browser.post(
            "/c/someoneelse1/feedback", Map.of("csrf", csrf, "message", "1", "rating", "up"));

    assertEquals(400, rated.statusCode());
  }

  @Test
  @Order(7)
  void aFlaggedMessageIsRefusedAndListedWithItsCategories() {
    WebClient browser = loggedIn();
    String csrf = WebClient.csrf(browser.get("/").body());
    String page =
        browser.post("/conversations", Map.of("csrf", csrf)).headers().firstValue("Location").get();

    List<String> events =
        browser.stream(
            browser
                .post(
                    page + "/messages",
                    Map.of("csrf", csrf, "text", "Track her [[flag]]"),
                    "text/plain")
                .body());

    assertTrue(events.contains("event: failed"), String.join("\n", events));
    assertTrue(String.join("\n", events).contains("privacy"), String.join("\n", events));
    String refusals = browser.get("/admin/refusals").body();
    // Stored as the guard model named them (S7 is privacy); the reply names them in words.
    assertTrue(refusals.contains("S7") && refusals.contains(page.substring(3)), refusals);
    String queue = browser.get("/admin/queue").body();
    assertEquals(200, browser.get("/admin/usage").statusCode());
    assertEquals(
        400, browser.post("/admin/queue/999999/retry", Map.of("csrf", csrf)).statusCode(), queue);
    assertEquals(403, browser.post("/admin/queue/1/retry", Map.of("csrf", "forged")).statusCode());
  }

  @Test
  @Order(99)
  void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
    WebClient browser = new WebClient(server.getURI());
    String csrf = WebClient.csrf(browser.get("/login").body());

    HttpResponse<String> wrong = browser.post("/login", Map.of("csrf", csrf, "password", "nope"));

    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Wrong password."));
    assertEquals(null, browser.cookie(WebSessions.COOKIE));
    HttpResponse<String> attempt = wrong;
    for (int i = 0; i < LoginThrottle.MAX_FAILURES && attempt.statusCode() == 401; i++) {
      attempt =
          browser.post(
              "/login", Map.of("csrf", WebClient.csrf(attempt.body()), "password", "nope"));
    }
    assertEquals(429, attempt.statusCode());
    assertTrue(attempt.body().contains("Too many failed logins"));
    String afterBlock = WebClient.csrf(browser.get("/login").body());
    assertEquals(
        429, browser.post("/login", Map.of("csrf", afterBlock, "password", PASSWORD)).statusCode());
  }
}
