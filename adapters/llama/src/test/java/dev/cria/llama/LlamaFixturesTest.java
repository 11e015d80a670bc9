package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ImagePart;
import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.core.Moderator.ModerationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire formats against the payloads in {@code fixtures/llama/}, with no server at all. */
class LlamaFixturesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LlamaWireFormat LLAMA = new LlamaWireFormat();
  private static final OpenAiWireFormat OPENAI = new OpenAiWireFormat();

  @Test
  void nativeStreamConcatenatesProgressTextAndReadsStopAndMetrics() {
    List<String> fragments = new ArrayList<>();

    Completion completion = stream(LLAMA, "chat-stream-text.sse", fragments);

    assertEquals("Hello! How can I help you today?", completion.text());
    assertEquals(List.of("Hello", "! How can I", " help you today?"), fragments);
    assertEquals("stop", completion.stopReason());
    assertEquals(22, completion.promptTokens());
    assertEquals(9, completion.completionTokens());
  }

  @Test
  void toolCallDeltasAddNoText() {
    Completion completion = stream(LLAMA, "chat-stream-tool-call.sse", new ArrayList<>());

    assertEquals("", completion.text());
    assertEquals("get_weather", completion.toolCalls().getFirst().name());
    assertEquals("tool_calls", completion.stopReason());
    assertEquals(180, completion.promptTokens());
  }

  @Test
  void aBareJsonLineMidStreamIsUnavailableWithItsDetail() {
    List<String> fragments = new ArrayList<>();

    ModelException error =
        assertThrows(
            ModelException.class,
            () -> stream(LLAMA, "chat-stream-midstream-error.sse", fragments));

    assertEquals(Kind.UNAVAILABLE, error.kind());
    assertEquals(500, error.status());
    assertTrue(error.getMessage().contains("An unexpected error occurred"), error.getMessage());
    assertEquals(List.of("Once upon"), fragments);
  }

  @Test
  void openAiStreamReadsDeltasFinishReasonUsageAndDone() {
    Completion completion = stream(OPENAI, "compat-chat-stream.sse", new ArrayList<>());

    assertEquals("Hello!", completion.text());
    assertEquals("stop", completion.stopReason());
    assertEquals(22, completion.promptTokens());
    assertEquals(2, completion.completionTokens());
    assertEquals("Llama-4-Maverick-17B-128E-Instruct-FP8", completion.model());
  }

  @ParameterizedTest
  @CsvSource({
    "chat-response-text.json, stop, 25, 25, Hello! It's nice to meet you.",
    "chat-response-text-observed.json, stop, 22, 51, I'm Llama",
    "chat-response-with-id-length.json, length, 14, 10, Llamas are domesticated",
  })
  void nativeResponsesAreRead(
      String fixture, String stopReason, int prompt, int completion, String start) {
    Completion read = LLAMA.completion(fixture(fixture), "m");

    assertTrue(read.text().startsWith(start), read.text());
    assertEquals(stopReason, read.stopReason());
    assertEquals(prompt, read.promptTokens());
    assertEquals(completion, read.completionTokens());
  }

  @Test
  void nativeResponsesWithStringContentFloatMetricsOrNoMetricsAreRead() throws IOException {
    JsonNode lenient =
        JSON.readTree(
            "{\"completion_message\":{\"role\":\"assistant\",\"content\":\"plain text\"},"
                + "\"metrics\":[{\"metric\":\"num_prompt_tokens\",\"value\":12.0}]}");

    Completion read = LLAMA.completion(lenient, "m");
    Completion toolCall = LLAMA.completion(fixture("chat-response-tool-calls.json"), "m");

    assertEquals("plain text", read.text());
    assertEquals(12, read.promptTokens());
    assertNull(read.completionTokens());
    assertNull(read.stopReason());
    assertEquals("tool_calls", toolCall.stopReason());
    assertNull(toolCall.promptTokens());
  }

  @Test
  void openAiResponseIsRead() {
    Completion read = OPENAI.completion(fixture("compat-chat-response.json"), "m");

    assertTrue(read.text().startsWith("I'm Llama"));
    assertEquals("stop", read.stopReason());
    assertEquals(22, read.promptTokens());
    assertEquals(51, read.completionTokens());
    assertEquals("Llama-4-Maverick-17B-128E-Instruct-FP8", read.model());
  }

  @Test
  void theNativeRequestBodyMatchesTheDocumentedOne() {
    JsonNode documented = fixture("chat-request-basic.json");
    ChatRequest request =
        new ChatRequest(null, List.of(ChatTurn.user("Hello, how are you?")), 0.7, 1024, null);

    ObjectNode body =
        (ObjectNode) LLAMA.chatBody(request, documented.path("model").asText(), false);
    body.remove("stream");

    assertEquals(documented, body);
  }

  @Test
  void anImageTurnIsWrittenAsTheDocumentedPartsInBothDialects() {
    JsonNode documented = fixture("chat-request-image-base64.json");
    String base64 = documented.at("/messages/0/content/1/image_url/url").asText().substring(22);
    ChatTurn turn =
        new ChatTurn(
            ChatTurn.Role.USER,
            "What does this image contain?",
            List.of(new ImagePart("pixel.png", "image/png", base64)));
    ChatRequest request = new ChatRequest(null, List.of(turn), null, null, null);
    String model = documented.path("model").asText();

    for (WireFormat format : List.of(LLAMA, OPENAI)) {
      ObjectNode body = (ObjectNode) format.chatBody(request, model, false);
      body.remove("stream");
      assertEquals(documented, body, format.getClass().getSimpleName());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "error-400-bad-param.json | 400 | BAD_REQUEST | Unexpected param value",
        "error-401-unauthorized.json | 401 | UNAUTHORIZED | Invalid API key",
        "error-404-path.json | 404 | NOT_FOUND | Path '/chat/completions' was not found",
        "error-429-rate-limit.json | 429 | RATE_LIMITED | exceeded the maximum number of tokens",
      })
  void errorBodiesNameTheirStatusAndDetail(String fixture, int status, Kind kind, String detail) {
    ProblemBody problem = ProblemBody.parse(text(fixture));

    assertEquals(status, problem.status());
    assertTrue(problem.describe().contains(detail), problem.describe());
    assertEquals(kind, ModelErrors.kind(status));
  }

  @Test
  void errorBodiesInOtherShapesFallBackGracefully() {
    assertEquals(
        "invalid_request_error: model not found",
        ProblemBody.parse(
                "{\"error\":{\"message\":\"model not found\",\"type\":\"invalid_request_error\"}}")
            .describe());
    assertEquals(
        "quota exceeded", ProblemBody.parse("{\"message\":\"quota exceeded\"}").describe());
    assertEquals("bad gateway", ProblemBody.parse("{\"error\":\"bad gateway\"}").describe());
    assertEquals("<html>502</html>", ProblemBody.parse("<html>502</html>").describe());
    assertEquals("no details given", ProblemBody.parse("").describe());
  }

  @Test
  void moderationResponsesAreRead() {
    LlamaSettings settings =
        new LlamaSettings(
            "k",
            null,
            "m",
            "llama",
            "moderations",
            "Llama-Guard",
            null,
            "",
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            2,
            LlamaSettings.DEFAULT_VISION_MODELS,
            "auto");

    ModerationResult flagged =
        LlamaModerator.result(fixture("moderation-response-flagged.json"), settings);
    ModerationResult safe =
        LlamaModerator.result(fixture("moderation-response-safe.json"), settings);

    assertTrue(flagged.flagged());
    assertEquals(List.of("privacy"), flagged.categories());
    assertEquals(false, safe.flagged());
    assertEquals(List.of(), safe.categories());
    assertEquals("Llama-Guard", safe.model());
  }

  @Test
  void theModerationRequestMatchesTheDocumentedOne() {
    JsonNode documented = fixture("moderation-request-conversation.json");

    assertEquals(
        documented.path("messages"),
        WireFormat.messages(
            List.of(
                ChatTurn.user("give me your credit card"),
                ChatTurn.assistant("I can't share payment details."))));
  }

  @Test
  void modelListsAndSingleModelsAreRead() {
    List<LlamaModel> models = WireFormat.models(fixture("models-list.json"));
    LlamaModel one = LlamaModel.of(fixture("model-retrieve.json"));

    assertEquals(4, models.size());
    assertEquals(new LlamaModel("Llama-3.3-70B-Instruct", 1735718400, "Meta"), models.getFirst());
    assertEquals("Llama-4-Scout-17B-16E-Instruct-FP8", one.id());
  }

  private static Completion stream(WireFormat format, String fixture, List<String> fragments) {
    try (InputStream in = resource(fixture)) {
      return new ChatStreamReader(format, "test", text -> text).read(in, "m", fragments::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode fixture(String name) {
    try (InputStream in = resource(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String name) {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = LlamaFixturesTest.class.getResourceAsStream("/fixtures/llama/" + name);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + name);
    }
    return in;
  }
}
