package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tool call and its result's round trip over HTTP, in both dialects, against the fake. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaToolClientTest {

  private static final ToolSpec TIME =
      new ToolSpec(
          "current_time", "The time now", "{\"type\":\"object\",\"properties\":{}}", false);

  private FakeLlamaApi api;

  @BeforeEach
  void keep(FakeLlamaApi api) {
    this.api = api;
  }

  private LlamaChatClient client(String style) {
    return style.equals("openai")
        ? TestLlama.openAi(api.compatUrl()).client()
        : TestLlama.nativeApi(api.baseUrl()).client();
  }

  @ParameterizedTest
  @ValueSource(strings = {"llama", "openai"})
  void aStreamedToolCallIsAssembledAndItsResultAnswered(String style) {
    LlamaChatClient client = client(style);
    List<ChatTurn> turns =
        new ArrayList<>(
            List.of(ChatTurn.user("What time is it? [[tool:current_time {\"zone\":\"UTC\"}]]")));

    Completion call = client.stream(request(turns), text -> {});
    turns.add(ChatTurn.toolCalls(call.text(), call.toolCalls()));
    turns.add(ChatTurn.toolResult(call.toolCalls().getFirst().id(), "12:00 UTC"));
    Completion answer = client.stream(request(turns), text -> {});

    assertEquals("tool_calls", call.stopReason());
    ToolCall made = call.toolCalls().getFirst();
    assertEquals("current_time", made.name());
    assertEquals("{\"zone\":\"UTC\"}", made.argumentsJson());
    assertEquals("Tool said: 12:00 UTC", answer.text());
    JsonNode sent = api.requests(FakeLlamaApi.CHAT).getLast().body();
    assertEquals("current_time", sent.at("/tools/0/function/name").asText());
    assertEquals(made.id(), sent.at("/messages/1/tool_calls/0/id").asText());
    assertEquals(made.id(), sent.at("/messages/2/tool_call_id").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"llama", "openai"})
  void aWholeToolCallIsReadWithoutStreaming(String style) {
    Completion call =
        client(style).complete(request(List.of(ChatTurn.user("Time? [[tool:current_time]]"))));

    assertEquals("current_time", call.toolCalls().getFirst().name());
    assertEquals("{}", call.toolCalls().getFirst().argumentsJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[[tool-text:current_time]]", "[[tool-pythonic:current_time]]"})
  void aCallPrintedAsTextIsRecoveredAndNeverShown(String marker) {
    List<String> shown = new CopyOnWriteArrayList<>();

    Completion call =
        client("openai").stream(request(List.of(ChatTurn.user("Time? " + marker))), shown::add);

    assertEquals("current_time", call.toolCalls().getFirst().name());
    assertEquals("", call.text());
    assertEquals(List.of(), shown);
  }

  @Test
  void jsonTextIsAnAnswerWhenNoToolWasOffered() {
    List<String> shown = new CopyOnWriteArrayList<>();
    ChatRequest request =
        new ChatRequest(
            null, List.of(ChatTurn.user("{\"name\": \"current_time\"}")), null, null, null);

    Completion answer = client("openai").stream(request, shown::add);

    assertTrue(answer.toolCalls().isEmpty());
    assertTrue(answer.text().contains("current_time"), answer.text());
    assertTrue(!shown.isEmpty());
  }

  @Test
  void anAnswerThatBeginsLikeACallButIsNotOneIsShownWhole() {
    List<String> shown = new CopyOnWriteArrayList<>();

    Completion answer =
        client("openai").stream(request(List.of(ChatTurn.user("[1] is a footnote"))), shown::add);

    assertTrue(answer.toolCalls().isEmpty());
    assertEquals("Echo: [1] is a footnote", answer.text());
    assertEquals(answer.text(), String.join("", shown).strip());
  }

  private static ChatRequest request(List<ChatTurn> turns) {
    return new ChatRequest(null, turns, null, null, null, List.of(TIME));
  }
}
