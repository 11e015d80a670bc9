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
