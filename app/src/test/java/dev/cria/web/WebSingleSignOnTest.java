package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeOidcProvider;
import dev.cria.fakes.FakeOidcProvider.Tampering;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on against a fake OpenID Connect provider on a real port: the application on H2, the
 * authorization-code flow with PKCE over HTTP. A good sign-in opens a session; a wrong state,
 * nonce, signature, audience, issuer or an expired token is refused with a 4xx and no session; the
 * client secret appears in no page and no log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSingleSignOnTest {

  private FakeOidcProvider idp;
  private FakeLlamaApi llama;
  private EmbeddedServer server;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final List<String> pages = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    ((Logger) LoggerFactory.getLogger("dev.cria")).setLevel(Level.DEBUG);
    ((Logger) LoggerFactory.getLogger("com.nimbusds")).setLevel(Level.DEBUG);
    idp = new FakeOidcProvider();
    llama = FakeLlamaApi.ollama();
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("cria.llama.base-url", llama.baseUrl());
    properties.put("cria.llama.max-retries", 0);
    properties.put("cria.worker.poll-interval", "100ms");
    properties.put("micronaut.server.port", -1);
    properties.put("cria.web.oidc.issuer", idp.issuer());
    properties.put("cria.web.oidc.client-id", FakeOidcProvider.CLIENT_ID);
    properties.put("cria.web.oidc.client-secret", FakeOidcProvider.CLIENT_SECRET);
    properties.put("cria.web.oidc.allowed-emails", List.of("@example.com"));
    properties.put("cria.web.oidc.admin-emails", List.of("ada@example.com"));
    server = ApplicationContext.run(EmbeddedServer.class, properties);
  }

  @AfterAll
  void stop() {
    server.close();
    idp.close();
    llama.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    ((Logger) LoggerFactory.getLogger("dev.cria")).setLevel(null);
    ((Logger) LoggerFactory.getLogger("com.nimbusds")).setLevel(null);
  }

  /** Goes through the provider and returns Cria's answer to the callback. */
  private HttpResponse<String> signIn(WebClient browser, boolean wrongState) {
    HttpResponse<String> start = record(browser.get("/login/oidc"));
    assertEquals(303, start.statusCode(), start.body());
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertTrue(authorize.toString().startsWith(idp.issuer() + "/authorize?"), authorize.toString());
    Map<String, String> query = FakeOidcProvider.query(authorize);
    assertEquals("S256", query.get("code_challenge_method"));
    assertFalse(authorize.toString().contains(FakeOidcProvider.CLIENT_SECRET));

    HttpResponse<String> signedIn = browser.get(authorize.toString());
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    String callback = signedIn.headers().firstValue("Location").orElseThrow();
    if (wrongState) {
      callback = callback.replaceAll("state=[^&]+", "state=forged");
    }
    return record(browser.get(callback));
  }

  private HttpResponse<String> record(HttpResponse<String> response) {
    pages.add(response.headers().map() + "\n" + response.body());
    return response;
  }

  @SuppressWarnings("unchecked")
  private long sessions() {
    TransactionOperations<Connection> transactions =
        server.getApplicationContext().getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          try (var rows =
              status
                  .getConnection()
                  .createStatement()
                  .executeQuery("SELECT COUNT(*) FROM web_session")) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Test
  @Order(1)
  void theLoginPageOffersSingleSignOnAndNoLoginLink() {
    String page = record(new WebClient(server.getURI()).get("/login")).body();

    assertTrue(page.contains("href=\"/login/oidc\""), page);
    assertFalse(page.contains("id=\"link-login\""), page);
  }

  @Test
  @Order(2)
  void aSignInThroughTheProviderOpensASessionForTheVerifiedEmail() {
    WebClient browser = new WebClient(server.getURI());
    long before = sessions();

    HttpResponse<String> callback = signIn(browser, false);

    assertEquals(200, callback.statusCode(), callback.body());
    assertTrue(callback.body().contains("ada@example.com"), callback.body());
    assertEquals(before + 1, sessions());
    assertNull(browser.cookie(SingleSignOnController.FLOW_COOKIE), "the flow's cookie is cleared");
    HttpResponse<String> home = record(browser.get("/"));
    assertEquals(200, home.statusCode());
    assertEquals(200, record(browser.get("/admin")).statusCode(), "Ada is an admin");
    String token = idp.tokenRequests().getLast();
    assertTrue(token.contains("code_verifier="), token);
    assertTrue(token.startsWith("Basic "), "the secret goes in the Authorization header");
  }

  @Test
  @Order(3)
  void aCallbackWithAnotherStateIsRefusedBeforeTheCodeIsUsed() {
    WebClient browser = new WebClient(server.getURI());
    long before = sessions();
    int tokenRequests = idp.tokenRequests().size();

    HttpResponse<String> callback = signIn(browser, true);

    assertEquals(400, callback.statusCode());
    assertTrue(callback.body().contains("did not start here"), callback.body());
    assertEquals(before, sessions());
    assertEquals(tokenRequests, idp.tokenRequests().size());
    assertEquals(303, browser.get("/").statusCode());
  }

  @ParameterizedTest
  @EnumSource(
      value = Tampering.class,
      names = {"WRONG_NONCE", "OTHER_KEY", "WRONG_AUDIENCE", "EXPIRED", "WRONG_ISSUER", "UNSIGNED"})
  @Order(4)
  void anIdTokenThatFailsACheckIsRefusedWithNoSession(Tampering tampering) {
    WebClient browser = new WebClient(server.getURI());
    long before = sessions();
    idp.next(tampering);

    HttpResponse<String> callback = signIn(browser, false);

    assertEquals(401, callback.statusCode(), tampering + ": " + callback.body());
    assertTrue(callback.body().contains("could not be verified"), callback.body());
    assertEquals(before, sessions(), tampering.name());
    assertNull(browser.cookie(WebSessions.COOKIE));
    String reason =
        switch (tampering) {
          case WRONG_NONCE -> "nonce claim value rejected";
          case OTHER_KEY -> "signature does not match";
          case WRONG_AUDIENCE -> "aud claim rejected";
          case EXPIRED -> "Expired JWT";
          case UNSIGNED -> "Unsecured (plain) JWTs are rejected";
          default -> "iss claim value rejected";
        };
    assertTrue(
        log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(reason)),
        tampering + " was refused for its own reason: " + reason);
    assertEquals(303, browser.get("/").statusCode());
  }

  @Test
  @Order(5)
  void someoneTheAllowListDoesNotNameIsRefused() {
    WebClient browser = new WebClient(server.getURI());
    long before = sessions();
    idp.user("eve@elsewhere.example.net", List.of("staff"));
    try {
      HttpResponse<String> callback = signIn(browser, false);

      assertEquals(403, callback.statusCode(), callback.body());
      assertEquals(before, sessions());
    } finally {
      idp.user("ada@example.com", List.of());
    }
  }

  @Test
  @Order(6)
  void eachUserSeesOnlyTheirOwnConversationsEvenWithAnUnderscoreInTheirAddress() {
    idp.user("axb@example.com", List.of());
    WebClient other = new WebClient(server.getURI());
    assertEquals(200, signIn(other, false).statusCode());
    String csrf = WebClient.csrf(other.get("/").body());
    String page =
        other.post("/conversations", Map.of("csrf", csrf)).headers().firstValue("Location").get();
    HttpResponse<String> sent =
        other.post(
            page + "/messages", Map.of("csrf", csrf, "text", "Private question"), "text/plain");
    assertTrue(other.stream(sent.body()).contains("event: done"));
    String own = other.get("/").body();
    assertTrue(own.contains("Private question"), "listed for its author");
    assertFalse(own.contains("href=\"/admin/queue\""), "no admin links for a user");
    assertEquals(403, other.get("/admin/queue").statusCode(), "not an admin");

    idp.user("a_b@example.com", List.of());
    WebClient underscore = new WebClient(server.getURI());
    try {
      assertEquals(200, signIn(underscore, false).statusCode());
      String home = record(underscore.get("/")).body();

      assertFalse(home.contains("Private question"), home);
      assertFalse(underscore.get(page).body().contains("Private question"), "nor at its address");
    } finally {
      idp.user("ada@example.com", List.of());
    }
  }

  @Test
  @Order(7)
  void theClientSecretIsInNoPageAndNoLogLine() {
    assertTrue(
        idp.tokenRequests().size() >= 6,
        "the secret was sent as many times: " + idp.tokenRequests());
    assertTrue(pages.size() >= 10, "pages seen: " + pages.size());
    for (String page : pages) {
      assertFalse(page.contains(FakeOidcProvider.CLIENT_SECRET), page);
    }
    List<String> lines =
        log.list.stream().map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy()).toList();
    assertTrue(
        lines.stream().anyMatch(line -> line.contains("Single sign-on refused")),
        "the refusals were logged");
    for (String line : lines) {
      assertFalse(line.contains(FakeOidcProvider.CLIENT_SECRET), line);
    }
  }
}
