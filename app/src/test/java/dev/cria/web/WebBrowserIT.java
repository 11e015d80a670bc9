package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaServer;
import dev.cria.fakes.FakeOidcProvider;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.TestDatabases;
import dev.cria.process.CriaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web playground and admin console in a real browser (Debian's Chromium through Selenium),
 * against the packaged jar as a process on PostgreSQL, with the fake Llama API, a fake Slack (HTTP
 * Events API) and a fake Discord. Screenshots of the main pages go to target/screenshots (the ones
 * in docs/screenshots are copies).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserIT {

  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SIGNING_SECRET = "web-it-signing-secret-1a2b3c";
  private static final Pattern LINK = Pattern.compile("Cria web: open (\\S+) to log in");

  private final Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
  private final Path screenshots = target.resolve("screenshots");
  private final String schema = TestDatabases.newSchemaName();
  private FakeLlamaApi llama;
  private FakeSlackApi slack;
  private FakeDiscord discord;
  private CriaProcess cria;
  private ChromeDriver browser;

  @BeforeAll
  void start() {
    Chromium.assumeInstalled();
    Map<String, Object> datasource = TestDatabases.postgres(schema);
    llama = FakeLlamaApi.start(0, new FakeLlamaApi.Pacing(0, 40), FakeLlamaServer.OLLAMA);
    slack = FakeSlackApi.start();
    slack.displayName("U0ADA", "Ada");
    discord = new FakeDiscord();
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", (String) datasource.get("datasources.default.url"));
    env.put("DATABASE_USER", (String) datasource.get("datasources.default.username"));
    String password = (String) datasource.get("datasources.default.password");
    if (!password.isEmpty()) {
      env.put("DATABASE_PASSWORD", password);
    }
    // A local Ollama needs nothing but its address: no key, Llama Guard by default.
    env.put("LLAMA_BASE_URL", llama.baseUrl());
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("DISCORD_BOT_TOKEN", FakeDiscord.BOT_TOKEN);
    env.put("DISCORD_API_URL", discord.restBaseUrl());
    env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
    cria = CriaProcess.start("web-browser", env, STARTUP);
    discord.awaitConnected(1);
    browser = Chromium.start(target.resolve("chromium-profiles"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (cria != null) {
      cria.close();
    }
    if (discord != null) {
      discord.close();
      slack.close();
      llama.close();
      TestDatabases.dropSchema(schema);
    }
  }

  private String url(CriaProcess process, String path) {
    return "http://localhost:" + process.port() + path;
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, WAIT, Duration.ofMillis(50));
  }

  private List<String> loginLinks(CriaProcess process) {
    Matcher matcher = LINK.matcher(process.log());
    List<String> links = new java.util.ArrayList<>();
    while (matcher.find()) {
      links.add(matcher.group(1));
    }
    return links;
  }

  private void send(String text) {
    WebElement box = browser.findElement(By.id("message"));
    box.sendKeys(text);
    browser.findElement(By.id("send")).click();
  }

  /** The text of the {@code n}th answer (from 1) that finished streaming on this page. */
  private String finishedAnswer(int n) {
    By finished = By.cssSelector(".turn.assistant.done .body, .turn.assistant.failed .body");
    waiting().until(driver -> driver.findElements(finished).size() >= n);
    return browser.findElements(finished).get(n - 1).getText();
  }

  @Test
  @Order(1)
  void theLoginLinkPrintedAtStartupLogsInOnce() {
    browser.get(url(cria, "/admin"));
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("link-login")).getText().contains("login link"));
    List<String> links = loginLinks(cria);
    assertEquals(1, links.size(), "one link printed at startup");

    browser.get(links.getFirst());

    waiting().until(driver -> driver.getTitle().startsWith("Playground"));
    assertEquals(url(cria, "/"), browser.getCurrentUrl());
    assertFalse(browser.getPageSource().contains(links.getFirst().split("token=")[1]));
    browser.get(links.getFirst());
    assertTrue(browser.findElement(By.id("login-error")).getText().contains("not valid"));
    assertEquals(2, loginLinks(cria).size(), "a fresh link is printed after a use");
  }

  @Test
  @Order(2)
  void aConversationStreamsItsAnswerAndTakesFeedback() {
    browser.get(url(cria, "/"));
    browser.findElement(By.id("new-conversation")).click();
    waiting().until(driver -> driver.getCurrentUrl().contains("/c/"));

    send("Tell me about **llamas** [[long:1200]]");

    WebElement streaming =
        waiting()
            .until(
                driver -> {
                  List<WebElement> found = driver.findElements(By.cssSelector("#streaming .body"));
                  return found.isEmpty() || found.getFirst().getText().length() < 20
                      ? null
                      : found.getFirst();
                });
    String partial = streaming.getText();
    Chromium.screenshot(browser, screenshots.resolve("playground-streaming.png"));
    String answer = finishedAnswer(1);
    assertTrue(partial.length() < answer.length(), partial.length() + " vs " + answer.length());
    assertTrue(answer.length() > 1000, "the whole answer: " + answer.length());

    browser.findElement(By.cssSelector(".turn.assistant.done .thumb[value=up]")).click();
    waiting()
        .until(driver -> !driver.findElements(By.cssSelector(".thumb.chosen[value=up]")).isEmpty());
    assertTrue(
        browser.findElement(By.cssSelector(".turn.assistant[data-id] .body")).getText().length()
            > 1000,
        "the stored answer is shown after the reload");
  }

  @Test
  @Order(3)
  void aFlaggedMessageIsRefusedWithItsCategories() {
    browser.get(url(cria, "/"));
    browser.findElement(By.id("new-conversation")).click();
    waiting().until(driver -> driver.getCurrentUrl().contains("/c/"));
    send("Where does my neighbour live? [[flag]]");

    String refusal = finishedAnswer(1);

    assertTrue(refusal.contains("privacy"), refusal);
    assertFalse(refusal.contains("Echo"), refusal);
    send("What is a **cria**?");
    assertTrue(finishedAnswer(2).contains("What is a cria?"));
    assertEquals(
        "cria",
        browser.findElement(By.cssSelector(".turn.assistant.done .body strong")).getText(),
        "the answer's Markdown is rendered");
    Chromium.screenshot(browser, screenshots.resolve("playground.png"));
  }

  @Test
  @Order(4)
  void theAdminConsoleShowsSlackDiscordAndWebConversations() {
    mentionOnSlack("Ev0WEB1", "1700009000.000100", "What is an alpaca?");
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "What is a vicuña?"), null);
    slack.awaitMessage("C0WEB", m -> !m.streaming() && m.text().contains("What is an alpaca?"));
    discord.awaitTrue(
        () -> String.join("", discord.answerOf(ask)).contains("What is a vicuña?"),
        "Discord answered");

    browser.get(url(cria, "/admin/conversations"));
    String table = browser.findElement(By.id("conversations")).getText();
    assertTrue(table.contains("slack:"), table);
    assertTrue(table.contains("discord:"), table);
    assertTrue(table.contains("web:browser:admin:"), table);
    Chromium.screenshot(browser, screenshots.resolve("admin-conversations.png"));

    browser.findElement(By.id("search")).sendKeys("alpaca");
    browser.findElement(By.cssSelector(".search button")).click();
    waiting().until(driver -> driver.getCurrentUrl().contains("q=alpaca"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#conversations tbody tr"));
    assertEquals(1, rows.size(), browser.findElement(By.id("conversations")).getText());
    rows.getFirst().findElement(By.cssSelector("a")).click();
    String transcript = browser.findElement(By.id("transcript")).getText();
    assertTrue(transcript.contains("Echo: Ada: What is an alpaca?"), transcript);
    assertTrue(browser.findElements(By.cssSelector("form textarea, #composer")).isEmpty());

    browser.get(url(cria, "/admin/refusals"));
    assertTrue(browser.findElement(By.id("refusals")).getText().contains("S7"), "privacy");
    Chromium.screenshot(browser, screenshots.resolve("admin-refusals.png"));
    browser.get(url(cria, "/admin/usage"));
    String usage = browser.findElement(By.id("usage")).getText();
    assertTrue(usage.contains("admin") && usage.contains("U0ADA"), usage);
    Chromium.screenshot(browser, screenshots.resolve("admin-usage.png"));
    browser.get(url(cria, "/admin/feedback"));
    assertTrue(browser.findElement(By.id("feedback")).getText().contains("up"));
    browser.get(url(cria, "/admin/queue"));
    assertTrue(browser.getTitle().startsWith("Queue"));
    browser.get(url(cria, "/admin"));
    assertTrue(browser.findElement(By.id("model-server")).getText().contains("reachable"));
    assertFalse(browser.getPageSource().contains(SIGNING_SECRET));
    assertFalse(browser.getPageSource().contains(FakeSlackApi.BOT_TOKEN));
    Chromium.screenshot(browser, screenshots.resolve("admin-overview.png"));
  }

  @Test
  @Order(5)
  void aWrongPasswordIsRefusedAndTheRightOneLetsIn() throws Exception {
    Path data = Files.createTempDirectory(target, "web-password-");
    Map<String, String> env =
        Map.of(
            "CRIA_DATA_DIR",
            data.toString(),
            "LLAMA_BASE_URL",
            llama.baseUrl(),
            "CRIA_WEB_PASSWORD",
            "a long web password 42");
    try (CriaProcess withPassword = CriaProcess.start("web-password", env, STARTUP)) {
      assertEquals(List.of(), loginLinks(withPassword), "no login link with a password");
      assertFalse(withPassword.log().contains("a long web password 42"));
      browser.get(url(withPassword, "/"));
      assertTrue(browser.getCurrentUrl().endsWith("/login"));

      browser.findElement(By.id("password")).sendKeys("not the password");
      browser.findElement(By.id("login")).click();

      assertEquals(
          "Wrong password.",
          waiting().until(driver -> driver.findElement(By.id("login-error"))).getText());
      browser.get(url(withPassword, "/admin"));
      assertTrue(browser.getCurrentUrl().endsWith("/login"), "still logged out");
      Chromium.screenshot(browser, screenshots.resolve("login.png"));
      browser.findElement(By.id("password")).sendKeys("a long web password 42");
      browser.findElement(By.id("login")).click();
      waiting().until(driver -> driver.getTitle().startsWith("Playground"));
    }
  }

  @Test
  @Order(6)
  void singleSignOnThroughTheProviderLetsIn() throws Exception {
    Path data = Files.createTempDirectory(target, "web-sso-");
    try (FakeOidcProvider idp = new FakeOidcProvider()) {
      Map<String, String> env =
          Map.of(
              "CRIA_DATA_DIR",
              data.toString(),
              "LLAMA_BASE_URL",
              llama.baseUrl(),
              "CRIA_OIDC_ISSUER",
              idp.issuer(),
              "CRIA_OIDC_CLIENT_ID",
              FakeOidcProvider.CLIENT_ID,
              "CRIA_OIDC_CLIENT_SECRET",
              FakeOidcProvider.CLIENT_SECRET,
              "CRIA_OIDC_ALLOWED_EMAILS",
              "@example.com");
      try (CriaProcess withSso = CriaProcess.start("web-sso", env, STARTUP)) {
        assertEquals(List.of(), loginLinks(withSso), "no login link with single sign-on");
        browser.get(url(withSso, "/admin"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        Chromium.screenshot(browser, screenshots.resolve("login-sso.png"));

        browser.findElement(By.id("sso-login")).click();

        waiting().until(driver -> driver.getTitle().startsWith("Playground"));
        assertEquals(url(withSso, "/"), browser.getCurrentUrl());
        browser.get(url(withSso, "/admin"));
        assertTrue(browser.getTitle().startsWith("Admin"), browser.getTitle());
        assertFalse(browser.getPageSource().contains(FakeOidcProvider.CLIENT_SECRET));
        assertEquals(1, idp.tokenRequests().size(), "one code exchanged");
        assertTrue(withSso.log().contains("Web login with single sign-on: ada@example.com"));
        assertFalse(withSso.log().contains(FakeOidcProvider.CLIENT_SECRET));
      }
    }
  }

  private void mentionOnSlack(String eventId, String ts, String text) {
    String body = FakeSlackEvents.mention(eventId, "C0WEB", ts, null, "U0ADA", text);
    long now = Instant.now().getEpochSecond();
    var response =
        cria.post(
            "/slack/events",
            "application/json",
            body,
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(now),
                "X-Slack-Signature",
                FakeSlackSigner.sign(SIGNING_SECRET, now, body)));
    assertEquals(200, response.statusCode(), response.body());
  }
}
