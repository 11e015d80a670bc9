package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.core.ModelException.Symptom;
import dev.cria.core.Moderator.ModerationResult;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAI-compatible client against the documented shapes of Ollama, vLLM, llama.cpp's {@code
 * llama-server} and a hosted provider (GroqCloud), served by the fake from {@code
 * fixtures/llama/<server>/}: streams ending in {@code data: [DONE]}, usage from {@code
 * stream_options.include_usage}, the finish reasons, reasoning kept out, model-not-found and
 * unknown-path 404s, and Llama Guard's verdicts.
 */
class ServerShapesTest {

  private static final String KEY = "gsk_test_0123456789abcdef";

  @ParameterizedTest
  @EnumSource(
      value = FakeLlamaServer.class,
      names = {"OLLAMA", "VLLM", "LLAMA_CPP", "GROQ"})
  void aRecordedStreamIsReadWithItsUsage(FakeLlamaServer server) {
    try (FakeLlamaApi api = FakeLlamaApi.start(server)) {
      List<String> pieces = new ArrayList<>();
      Completion completion =
          client(server, api).stream(ask(api, "[[fixture:chat-stream.sse]]"), pieces::add);

      assertEquals("A cria is a baby llama.", completion.text());
      assertEquals("A cria is a baby llama.", String.join("", pieces).strip());
      assertEquals("stop", completion.stopReason());
      assertEquals(31, completion.promptTokens());
      assertEquals(8, completion.completionTokens());
      var sent = api.requests(FakeLlamaApi.CHAT).getFirst();
      assertTrue(sent.body().path("stream_options").path("include_usage").asBoolean(), "usage");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "OLLAMA, chat-stream-length.sse, length, Llamas live in the",
    "LLAMA_CPP, chat-stream-reasoning.sse, length, A cria is a baby llama.",
    "VLLM, chat-stream-reasoning.sse, stop, A cria is a baby llama.",
    "OLLAMA, chat-stream-think.sse, stop, A cria is a baby llama.",
    "OLLAMA, chat-stream-tool-calls.sse, tool_calls, ''",
    "VLLM, chat-stream-tool-calls.sse, tool_calls, ''",
  })
  void finishReasonsAndReasoningAreRead(
      FakeLlamaServer server, String fixture, String stopReason, String text) {
    try (FakeLlamaApi api = FakeLlamaApi.start(server)) {
      List<String> pieces = new ArrayList<>();
      Completion completion =
          client(server, api).stream(ask(api, "[[fixture:" + fixture + "]]"), pieces::add);

      assertEquals(stopReason, completion.stopReason());
      assertEquals(text, completion.text());
      String shown = String.join("", pieces);
      assertFalse(shown.contains("think") || shown.contains("user"), "reasoning shown: " + shown);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeLlamaServer.class,
      names = {"OLLAMA", "VLLM", "GROQ"})
  void aModelTheServerLacksIsNotServedRatherThanABadUrl(FakeLlamaServer server) {
    try (FakeLlamaApi api = FakeLlamaApi.start(server)) {
      ChatRequest request =
          new ChatRequest("llama3.3", List.of(ChatTurn.user("hi")), null, null, null);

      ModelException e =
          assertThrows(ModelException.class, () -> client(server, api).stream(request, t -> {}));

      assertEquals(Kind.NOT_FOUND, e.kind());
      assertEquals(Symptom.MODEL_NOT_SERVED, e.symptom());
      assertTrue(e.getMessage().contains("llama3.3"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeLlamaServer.class,
      names = {"OLLAMA", "VLLM", "LLAMA_CPP", "GROQ"})
  void aMissingModerationsEndpointIsAPathNotFound(FakeLlamaServer server) {
    try (FakeLlamaApi api = FakeLlamaApi.start(server)) {
      TestLlama llama =
          TestLlama.with(
              key(server), api.baseUrl(), "openai", Duration.ofSeconds(5), "moderations", "m", "");

      ModelException e =
          assertThrows(
              ModelException.class, () -> llama.moderator().check(List.of(ChatTurn.user("hello"))));

      assertEquals(Kind.NOT_FOUND, e.kind());
      assertEquals(Symptom.NO_SUCH_ENDPOINT, e.symptom(), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "broken/chat-stream-malformed.sse, MALFORMED",
    "broken/chat-stream-cut.sse, BROKE_OFF",
    "broken/portal.html, NOT_AN_API",
  })
  void brokenAnswersSayWhatBroke(String fixture, Symptom symptom) {
    try (FakeLlamaApi api = FakeLlamaApi.ollama()) {
      List<String> pieces = new ArrayList<>();
      ModelException e =
          assertThrows(
              ModelException.class,
              () ->
                  client(FakeLlamaServer.OLLAMA, api).stream(
                      ask(api, "[[fixture:" + fixture + "]]"), pieces::add));

      assertEquals(Kind.UNAVAILABLE, e.kind());
      assertEquals(symptom, e.symptom(), e.getMessage());
      assertEquals(1, api.count(FakeLlamaApi.CHAT), "not retried");
    }
  }

  @Test
  void ollamaNeedsNoKeyAndGetsNone() {
    try (FakeLlamaApi api = FakeLlamaApi.ollama()) {
      client(FakeLlamaServer.OLLAMA, api).stream(ask(api, "hi"), t -> {});

      assertNull(api.requests(FakeLlamaApi.CHAT).getFirst().header("authorization"));
    }
  }

  @Test
  void aHostedProviderGetsTheKeyAsABearerToken() {
    try (FakeLlamaApi api = FakeLlamaApi.start(FakeLlamaServer.GROQ)) {
      client(FakeLlamaServer.GROQ, api).stream(ask(api, "[[fixture:chat-stream.sse]]"), t -> {});

      assertEquals(
          "Bearer " + KEY, api.requests(FakeLlamaApi.CHAT).getFirst().header("authorization"));
    }
  }

  @Test
  void llamaGuardAsAChatModelJudgesTheUserTurnAndThenTheAnswer() {
    try (FakeLlamaApi api = FakeLlamaApi.ollama()) {
      LlamaModerator guard = TestLlama.ollama(api.baseUrl()).moderator();

      ModerationResult safe = guard.check(List.of(ChatTurn.user("What is a cria?")));
      ModerationResult flagged = guard.check(List.of(ChatTurn.user("Her address? [[flag]]")));
      ModerationResult answer =
          guard.check(List.of(ChatTurn.user("Hi"), ChatTurn.assistant("Sure: [[flagged-answer]]")));

      assertFalse(safe.flagged());
      assertEquals(List.of("S7"), flagged.categories());
      assertEquals(List.of("S1"), answer.categories());
      assertEquals("llama-guard3:1b", safe.model());
      var sent = api.requests(FakeLlamaApi.GUARD).getLast().body();
      assertEquals("llama-guard3:1b", sent.path("model").asText());
      assertEquals("assistant", sent.path("messages").path(1).path("role").asText());
      assertEquals(0, api.count(FakeLlamaApi.MODERATION), "no /moderations on Ollama");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "ollama/guard-safe.json, false, ''",
    "ollama/guard-unsafe.json, true, S1;S10",
    "vllm/guard-unsafe.json, true, S9",
    "groq/guard-unsafe.json, true, S2",
  })
  void recordedGuardAnswersAreRead(String fixture, boolean flagged, String codes) {
    var body = LlamaFixturesTest.fixture(fixture);
    String reply = new OpenAiWireFormat().completion(body, "guard").text();

    ModerationResult result = LlamaGuardVerdict.parse(reply, "guard");

    assertEquals(flagged, result.flagged());
    assertEquals(codes.isEmpty() ? List.of() : List.of(codes.split(";")), result.categories());
  }

  private static LlamaChatClient client(FakeLlamaServer server, FakeLlamaApi api) {
    return TestLlama.with(
            key(server), api.baseUrl(), "openai", Duration.ofSeconds(5), "guard", "g", "")
        .client();
  }

  private static String key(FakeLlamaServer server) {
    return server == FakeLlamaServer.GROQ ? KEY : null;
  }

  /** A question to the first model the server lists. */
  private static ChatRequest ask(FakeLlamaApi api, String text) {
    return new ChatRequest(api.models().getFirst(), List.of(ChatTurn.user(text)), null, null, null);
  }
}
