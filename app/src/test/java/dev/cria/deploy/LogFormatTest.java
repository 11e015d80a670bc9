package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production logback.xml, rendered through its text and JSON encoders: the MDC keys the core
 * sets around an event show up in both, and token shapes are masked.
 */
class LogFormatTest {

  private static final Map<String, String> EVENT_MDC =
      Map.of("conversation", "slack:T1:C1:1700000000.000100", "event", "Ev0610ABCD");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void textLineCarriesConversationAndEventWhenTheMdcHasThem() {
    String line = LogRendering.render("text", "answered in 812 ms", EVENT_MDC, null);

    assertTrue(
        line.contains(
            "LogFormatTest conversation=slack:T1:C1:1700000000.000100 event=Ev0610ABCD -"
                + " answered in 812 ms"),
        line);
    assertTrue(line.endsWith(System.lineSeparator()), "one event, one line: " + line);
  }

  @Test
  void textLineHasNoEmptyKeysOutsideAnEvent() {
    String line = LogRendering.render("text", "Startup completed", Map.of(), null);

    assertFalse(line.contains("conversation="), line);
    assertFalse(line.contains("event="), line);
    assertTrue(line.contains("LogFormatTest - Startup completed"), line);
  }

  @Test
  void textLineShowsOnlyTheKeysThatAreSet() {
    String line =
        LogRendering.render("text", "queued", Map.of("conversation", "discord:G1:C1:T1"), null);

    assertTrue(line.contains("LogFormatTest conversation=discord:G1:C1:T1 - queued"), line);
    assertFalse(line.contains("event="), line);
  }

  @Test
  void jsonObjectHasTheMdcFields() throws Exception {
    String line = LogRendering.render("json", "answered in 812 ms", EVENT_MDC, null);

    JsonNode node = json.readTree(line);
    assertEquals("slack:T1:C1:1700000000.000100", node.get("conversation").asText());
    assertEquals("Ev0610ABCD", node.get("event").asText());
    assertEquals("answered in 812 ms", node.get("message").asText());
    assertEquals("INFO", node.get("level").asText());
    assertEquals(LogFormatTest.class.getName(), node.get("logger_name").asText());
    assertEquals(1, line.strip().lines().count(), "one JSON object per line: " + line);
  }

  @Test
  void jsonObjectWithoutAnEventHasNoMdcFields() throws Exception {
    JsonNode node = json.readTree(LogRendering.render("json", "Startup", Map.of(), null));

    assertFalse(node.has("conversation"));
    assertFalse(node.has("event"));
  }

  @Test
  void tokenShapesAreMaskedInBothFormats() throws Exception {
    String message =
        "posting with xoxb-1234-5678-AbCdEf, socket xapp-1-A0-99-ffee, key LLM|6073|nx9.LJY,"
            + " header Bearer abc.DEF-123, db postgres://cria:s3cret@db:5432/cria, discord"
            + " MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123";
    String text = LogRendering.render("text", message, EVENT_MDC, null);
    String jsonMessage =
        json.readTree(LogRendering.render("json", message, EVENT_MDC, null))
            .get("message")
            .asText();

    for (String rendered : new String[] {text, jsonMessage}) {
      for (String secret :
          new String[] {
            "1234-5678-AbCdEf", "1-A0-99-ffee", "6073|nx9", "abc.DEF-123", "s3cret", "GaBcDe"
          }) {
        assertFalse(rendered.contains(secret), secret + " leaked: " + rendered);
      }
      assertTrue(rendered.contains("xoxb-***"), rendered);
      assertTrue(rendered.contains("LLM|***"), rendered);
      assertTrue(rendered.contains("postgres://cria:***@db:5432/cria"), rendered);
    }
  }

  @Test
  void everySecretShapeCriaHandlesIsMaskedInBothFormats() throws Exception {
    Map<String, String> secrets = new java.util.LinkedHashMap<>();
    secrets.put("xoxp user token", "xoxp-11-22-UserTokenPart");
    secrets.put("xapp token", "xapp-1-A0CRIA-12-AppTokenPart");
    secrets.put(
        "discord token, 17-digit id", "MTIzNDU2Nzg5MDEyMzQ1Njc.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0");
    secrets.put(
        "discord token, 20-digit id",
        "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab");
    secrets.put("jdbc password=", "jdbc:postgresql://db/cria?user=cria&password=JdbcS3cret&ssl=1");
    secrets.put("password: in JSON", "{\"password\": \"JsonS3cret\"}");
    secrets.put("user:pass@", "https://cria:UrlS3cret@proxy:3128/");
    secrets.put(
        "interaction token in a webhook URL",
        "PATCH https://discord.com/api/v10/webhooks/1350000000000000001/WebhookTok3n_x/messages");
    secrets.put(
        "interaction token in a callback URL",
        "POST /api/v10/interactions/1350000000000000777/CallbackTok3n-y/callback");
    secrets.put("bare interaction token", "token aW50ZXJhY3Rpb246MTM1MDAwMDAwMDAwMDAwMDc3Nzp4eXo");
    secrets.put(
        "Slack response_url", "POST https://hooks.slack.com/commands/T0TEAM/7012345/RespS3cret");
    secrets.put(
        "URL-encoded response_url",
        "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0TEAM%2F70123%2FEncS3cret&x=1");
    secrets.put("response_url field", "{\"response_url\":\"https://example.test/r/FieldS3cret\"}");
    Map<String, String> hidden =
        Map.ofEntries(
            Map.entry("xoxp user token", "UserTokenPart"),
            Map.entry("xapp token", "AppTokenPart"),
            Map.entry("discord token, 17-digit id", "AbCdEfGhIjKlMnOpQrStUvWxYz0"),
            Map.entry("discord token, 20-digit id", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"),
            Map.entry("jdbc password=", "JdbcS3cret"),
            Map.entry("password: in JSON", "JsonS3cret"),
            Map.entry("user:pass@", "UrlS3cret"),
            Map.entry("interaction token in a webhook URL", "WebhookTok3n"),
            Map.entry("interaction token in a callback URL", "CallbackTok3n"),
            Map.entry("bare interaction token", "MTM1MDAwMDAwMDAwMDAwMDc3Nzp4eXo"),
            Map.entry("Slack response_url", "RespS3cret"),
            Map.entry("URL-encoded response_url", "EncS3cret"),
            Map.entry("response_url field", "FieldS3cret"));

    for (var entry : secrets.entrySet()) {
      String text = LogRendering.render("text", entry.getValue(), Map.of(), null);
      String json =
          this.json
              .readTree(LogRendering.render("json", entry.getValue(), Map.of(), null))
              .get("message")
              .asText();
      String secret = hidden.get(entry.getKey());
      assertFalse(text.contains(secret), entry.getKey() + " leaked in text: " + text);
      assertFalse(json.contains(secret), entry.getKey() + " leaked in JSON: " + json);
      assertTrue(text.contains("***"), text);
    }
  }

  @Test
  void urlsWithoutPasswordsAndPlainWordsAreLeftAlone() {
    String message = "connected to jdbc:postgresql://db:5432/cria as cria, model Llama-4-Maverick";

    String text = LogRendering.render("text", message, Map.of(), null);

    assertTrue(text.contains(message), text);
  }

  @Test
  void exceptionsAppearOnceAndMasked() throws Exception {
    var failure = new IllegalStateException("rejected token xoxb-999-888-secretish");

    String text = LogRendering.render("text", "delivery failed", EVENT_MDC, failure);
    JsonNode node =
        json.readTree(LogRendering.render("json", "delivery failed", EVENT_MDC, failure));

    assertEquals(1, text.split("IllegalStateException", -1).length - 1, text);
    assertFalse(text.contains("secretish"), text);
    assertTrue(node.get("stack_trace").asText().contains("IllegalStateException"));
    assertFalse(node.get("stack_trace").asText().contains("secretish"));
  }
}
