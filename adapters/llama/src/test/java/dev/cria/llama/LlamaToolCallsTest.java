package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tools in both wire formats, against the recorded payloads in {@code fixtures/llama/}. */
class LlamaToolCallsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LlamaWireFormat LLAMA = new LlamaWireFormat();
  private static final OpenAiWireFormat OPENAI = new OpenAiWireFormat();
  private static final String WEATHER_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":"
          + "\"The city, state, or country for which to fetch the temperature\"}},"
          + "\"required\":[\"location\"],\"additionalProperties\":false}";
  private static final ToolSpec WEATHER =
      new ToolSpec(
          "get_weather",
          "Retrieve the current temperature for a specified location",
          WEATHER_SCHEMA,
          false);

  @Test
  void theNativeStreamsToolCallFragmentsBecomeOneWholeCall() {
    List<String> shown = new ArrayList<>();

    Completion completion = stream(LLAMA, "chat-stream-tool-call.sse", List.of(WEATHER), shown);

    assertEquals(
        List.of(
            new ToolCall(
                "466d49b7-8641-43bd-844e-ecac6a818974",
                "get_weather",
                "{\"location\":\"Menlo Park\"}")),
        completion.toolCalls());
    assertEquals("tool_calls", completion.stopReason());
    assertEquals("", completion.text());
    assertEquals(List.of(), shown);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ollama/chat-stream-tool-calls.sse | call_x1 | {\"city\":\"Cusco\"}",
        "vllm/chat-stream-tool-calls.sse | chatcmpl-tool-9f | {\"city\": \"Cusco\"}",
      })
  void openAiCompatibleToolCallDeltasAreAssembledByIndex(
      String fixture, String id, String arguments) {
    Completion completion = stream(OPENAI, fixture, List.of(WEATHER), new ArrayList<>());

    assertEquals(List.of(new ToolCall(id, "get_weather", arguments)), completion.toolCalls());
    assertEquals("tool_calls", completion.stopReason());
  }

  @Test
  void aNonStreamingToolCallIsReadInBothDialects() {
    Completion nativeCall = LLAMA.completion(fixture("chat-response-tool-calls.json"), "m");
    ObjectNode openAi = (ObjectNode) fixture("compat-chat-response.json").deepCopy();
    ObjectNode message = (ObjectNode) openAi.path("choices").path(0).path("message");
    message
        .putArray("tool_calls")
        .addObject()
        .put("id", "call_1")
        .put("type", "function")
        .putObject("function")
        .put("name", "get_weather")
        .put("arguments", "{}");
    Completion openAiCall = OPENAI.completion(openAi, "m");

    assertEquals(
        List.of(
            new ToolCall(
                "466d49b7-8641-43bd-844e-ecac6a818974",
                "get_weather",
                "{\"location\":\"Menlo Park\"}")),
        nativeCall.toolCalls());
    assertEquals(List.of(new ToolCall("call_1", "get_weather", "{}")), openAiCall.toolCalls());
  }

  @Test
  void theToolsOfARequestAreTheDocumentedOnesInBothDialects() {
    JsonNode documented = fixture("chat-request-tools.json").deepCopy();
    // "strict" is left out: not every OpenAI-compatible server takes it.
    ((ObjectNode) documented.path("tools").path(0).path("function")).remove("strict");
    ChatRequest request =
        new ChatRequest(
            null,
            List.of(ChatTurn.user("What is the weather in Menlo Park?")),
            null,
            null,
            null,
            List.of(WEATHER));

    for (WireFormat format : List.of(LLAMA, OPENAI)) {
      ObjectNode body =
          (ObjectNode) format.chatBody(request, documented.path("model").asText(), false);
      body.remove("stream");
      assertEquals(documented, body, format.getClass().getSimpleName());
    }
  }

  @Test
  void aToolResultFollowUpIsTheDocumentedNativeRequest() {
    JsonNode documented = fixture("chat-request-tool-result-followup.json");
    String schema = documented.at("/tools/0/function/parameters").toString();
    ToolCall call =
        new ToolCall(
            "85870f14-0c26-46e4-9b68-a783ee865bbd", "get_weather", "{\"location\":\"Menlo Park\"}");
    ChatRequest request =
        new ChatRequest(
            null,
            List.of(
                ChatTurn.user("What is the weather in Menlo Park?"),
                ChatTurn.toolCalls("", List.of(call)),
                ChatTurn.toolResult(call.id(), "{\"Menlo Park\": \"47f\"}")),
            null,
            null,
            null,
            List.of(new ToolSpec("get_weather", WEATHER.description(), schema, false)));

    ObjectNode body =
        (ObjectNode) LLAMA.chatBody(request, documented.path("model").asText(), false);
    body.remove("stream");

    assertEquals(documented, body);
  }

  @Test
  void theOpenAiDialectReplaysCallsWithTheirTypeAndNoStopReason() {
    ToolCall call = new ToolCall("call_1", "get_weather", "{}");
    ChatRequest request =
        new ChatRequest(
            null,
            List.of(
                ChatTurn.user("weather?"),
                ChatTurn.toolCalls("", List.of(call)),
                ChatTurn.toolResult("call_1", "47f")),
            null,
            null,
            null,
            List.of(WEATHER));

    JsonNode messages = OPENAI.chatBody(request, "m", true).path("messages");

    JsonNode assistant = messages.path(1);
    assertEquals("function", assistant.at("/tool_calls/0/type").asText());
    assertEquals("get_weather", assistant.at("/tool_calls/0/function/name").asText());
    assertFalse(assistant.has("stop_reason"));
    assertEquals("tool", messages.path(2).path("role").asText());
    assertEquals("call_1", messages.path(2).path("tool_call_id").asText());
  }

  @Test
  void aRequestWithoutToolsSendsNoToolsField() {
    ChatRequest request = new ChatRequest(null, List.of(ChatTurn.user("hi")), null, null, null);

    assertFalse(LLAMA.chatBody(request, "m", true).has("tools"));
    assertFalse(OPENAI.chatBody(request, "m", true).has("tools"));
  }

  @Test
  void aNewIdInTheNativeStreamStartsTheNextCall() {
    ToolCallAssembly assembly = new ToolCallAssembly();
    assembly.add(new StreamDelta.ToolCallDelta(null, "a", "get_weather", ""));
    assembly.add(new StreamDelta.ToolCallDelta(null, null, null, "{\"location\":"));
    assembly.add(new StreamDelta.ToolCallDelta(null, null, null, "\"Lima\"}"));
    assembly.add(new StreamDelta.ToolCallDelta(null, "b", "current_time", null));

    assertEquals(
        List.of(
            new ToolCall("a", "get_weather", "{\"location\":\"Lima\"}"),
            new ToolCall("b", "current_time", "{}")),
        assembly.calls());
  }

  @Test
  void aToolCallWithoutAnIdGetsOne() {
    Completion completion =
        OPENAI.completion(
            read(
                "{\"choices\":[{\"message\":{\"content\":\"\",\"tool_calls\":[{\"function\":"
                    + "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Lima\"}}}]},"
                    + "\"finish_reason\":\"tool_calls\"}]}"),
            "m");

    ToolCall call = completion.toolCalls().getFirst();
    assertTrue(call.id().startsWith("call_"), call.id());
    assertEquals("{\"city\":\"Lima\"}", call.argumentsJson());
  }

  private static Completion stream(
      WireFormat format, String fixture, List<ToolSpec> tools, List<String> shown) {
    try (InputStream in = resource(fixture)) {
      return new ChatStreamReader(format, "test", text -> text).read(in, "m", tools, shown::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    return LlamaToolCallsTest.class.getResourceAsStream("/fixtures/llama/" + name);
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = resource(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
