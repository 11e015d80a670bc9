package dev.cria.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's wire behaviour, checked with a bare HTTP client (the Llama client has its own). */
class FakeLlamaApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static FakeLlamaApi api;

  @BeforeAll
  static void start() {
    api = FakeLlamaApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void reset() {
    api.reset();
  }

  @Test
  void nativeStreamEchoesTheLastUserMessageInSeveralChunksWithMetrics() throws Exception {
    String message = "tell me about the three llamas of the valley";
    HttpResponse<String> response = post(api.baseUrl(), chat(message, true));

    assertEquals(200, response.statusCode());
    assertEquals("text/event-stream", response.headers().firstValue("content-type").orElseThrow());
    StringBuilder text = new StringBuilder();
    int progress = 0;
    String stopReason = null;
    int completionTokens = 0;
    for (JsonNode chunk : dataLines(response.body())) {
      JsonNode event = chunk.path("event");
      if (event.path("event_type").asText().equals("progress")) {
        progress++;
      }
      text.append(event.path("delta").path("text").asText());
      stopReason = event.path("stop_reason").asText(stopReason);
      for (JsonNode metric : event.path("metrics")) {
        if (metric.path("metric").asText().equals("num_completion_tokens")) {
          completionTokens = metric.path("value").asInt();
        }
      }
    }
    assertEquals("Echo: " + message, text.toString());
    assertTrue(progress > 1, "several progress chunks, got " + progress);
    assertEquals("stop", stopReason);
    assertEquals((text.length() + 3) / 4, completionTokens);
  }

  @Test
  void openAiStreamEndsWithUsageAndDone() throws Exception {
    ObjectNode body = chatBody("hi there friend", true);
    body.putObject("stream_options").put("include_usage", true);
    HttpResponse<String> response = post(api.compatUrl(), FakeLlamaApiJson.write(body));

    assertTrue(response.body().strip().endsWith("data: [DONE]"), response.body());
    StringBuilder text = new StringBuilder();
    JsonNode last = null;
    for (JsonNode chunk : dataLines(response.body())) {
      for (JsonNode choice : chunk.path("choices")) {
        text.append(choice.path("delta").path("content").asText(""));
      }
      last = chunk;
    }
    assertEquals("Echo: hi there friend", text.toString());
    assertTrue(last.path("usage").path("prompt_tokens").asInt() > 0);
    assertEquals("openai", api.requests(FakeLlamaApi.CHAT).getFirst().style());
  }

  @Test
  void moderationFlagsMarkedInputAndMarkedAnswers() throws Exception {
    String flagged =
        "{\"model\":\"Llama-Guard\",\"messages\":[{\"role\":\"user\",\"content\":\"x [[flag]]\"}]}";
    String answer =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
            + "{\"role\":\"assistant\",\"content\":\"y [[flagged-answer]]\"}]}";
    String safe = "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    JsonNode input = json(post(api.baseUrl() + "/moderations", flagged));
    JsonNode output = json(post(api.baseUrl() + "/moderations", answer));
    JsonNode clean = json(post(api.baseUrl() + "/moderations", safe));

    assertTrue(input.path("results").get(0).path("flagged").asBoolean());
    assertEquals(
        "privacy", input.path("results").get(0).path("flagged_categories").get(0).asText());
    assertTrue(output.path("results").get(0).path("flagged").asBoolean());
    assertFalse(clean.path("results").get(0).path("flagged").asBoolean());
    assertEquals(3, api.count(FakeLlamaApi.MODERATION));
  }

  @Test
  void statusOnceFailsTheFirstAttemptOfEachDistinctRequest() throws Exception {
    String body = chat("again [[status-once:503]]", false);

    assertEquals(503, post(api.baseUrl(), body).statusCode());
    assertEquals(200, post(api.baseUrl(), body).statusCode());
    assertEquals(503, post(api.baseUrl(), chat("other [[status-once:503]]", false)).statusCode());
  }

  @Test
  void failNextScriptsFailuresAndStatusMarkersAddRetryAfterOn429() throws Exception {
    api.failNext(500, 2);

    assertEquals(500, post(api.baseUrl(), chat("a", false)).statusCode());
    assertEquals(500, post(api.baseUrl(), chat("a", false)).statusCode());
    assertEquals(200, post(api.baseUrl(), chat("a", false)).statusCode());
    HttpResponse<String> limited = post(api.baseUrl(), chat("b [[status:429]]", false));
    assertEquals(429, limited.statusCode());
    assertEquals("1", limited.headers().firstValue("retry-after").orElseThrow());
    assertEquals(429, json(limited).path("status").asInt());
  }

  @Test
  void longMarkerGivesExactlyThatManyCharactersWithAFencedBlock() {
    String answer = FakeLlamaApiScript.of("[[long:5000]]").answer("[[long:5000]]");

    assertEquals(5000, answer.length());
    assertTrue(answer.contains("```java\n"));
    assertTrue(answer.indexOf("```", answer.indexOf("```java") + 3) > 0, "the fence is closed");
  }

  @Test
  void abruptDropsTheConnectionBeforeTheStreamEnds() {
    assertThrows(
        IOException.class, () -> post(api.baseUrl(), chat("one two three [[abrupt]]", true)));
  }

  @Test
  void modelsComeFromTheFixtureAndUnknownIdsAre404() throws Exception {
    JsonNode list = json(get(api.baseUrl() + "/models"));

    assertEquals(api.models().size(), list.path("data").size());
    assertEquals(404, get(api.baseUrl() + "/models/no-such-model").statusCode());
    assertEquals(
        api.models().get(1),
        json(get(api.baseUrl() + "/models/" + api.models().get(1))).path("id").asText());
  }

  @Test
  void requestsAreLoggedWithHeadersAndBodyAndCanBeAwaited() throws Exception {
    Thread.startVirtualThread(
        () -> {
          try {
            post(api.baseUrl(), chat("logged message", false));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    FakeLlamaApiRequest request =
        api.await(r -> r.lastUserMessage().equals("logged message"), Duration.ofSeconds(10));
    assertEquals("Bearer test-key", request.header("Authorization"));
    assertEquals("Llama-3.3-8B-Instruct", request.body().path("model").asText());
    assertThrows(
        AssertionError.class,
        () -> api.await(r -> r.path().equals("/never"), Duration.ofMillis(50)));
  }

  @Test
  void requiredKeyRejectsOthersWith401() throws Exception {
    api.requireApiKey("right-key");
    try {
      assertEquals(401, post(api.baseUrl(), chat("x", false)).statusCode());
    } finally {
      api.requireApiKey(null);
    }
  }

  private static String chat(String message, boolean stream) {
    return FakeLlamaApiJson.write(chatBody(message, stream));
  }

  private static ObjectNode chatBody(String message, boolean stream) {
    ObjectNode body =
        FakeLlamaApiJson.MAPPER
            .createObjectNode()
            .put("model", "Llama-3.3-8B-Instruct")
            .put("stream", stream);
    body.putArray("messages").addObject().put("role", "user").put("content", message);
    return body;
  }

  private static HttpResponse<String> post(String baseOrUrl, String body)
      throws IOException, InterruptedException {
    String url =
        baseOrUrl.endsWith("/v1") || baseOrUrl.endsWith("/compat/v1")
            ? baseOrUrl + "/chat/completions"
            : baseOrUrl;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer test-key")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer test-key").build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return FakeLlamaApiJson.MAPPER.readTree(response.body());
  }

  private static List<JsonNode> dataLines(String body) throws IOException {
    List<JsonNode> chunks = new java.util.ArrayList<>();
    for (String line : body.split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        chunks.add(FakeLlamaApiJson.MAPPER.readTree(line.substring(6)));
      }
    }
    return chunks;
  }
}
