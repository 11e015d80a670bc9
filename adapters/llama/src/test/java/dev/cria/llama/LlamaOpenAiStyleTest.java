package dev.cria.llama;

import static dev.cria.llama.TestLlama.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ModelException;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code LLAMA_API_STYLE=openai}: the same port over the OpenAI-compatible wire format. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaOpenAiStyleTest {

  private FakeLlamaApi api;
  private TestLlama llama;
  private LlamaChatClient client;

  @BeforeEach
  void reset(FakeLlamaApi api) {
    this.api = api;
    llama = TestLlama.openAi(api.compatUrl());
    client = llama.client();
  }

  @Test
  void streamsDeltasWithUsageUntilDone() {
    String question = "how many llamas fit in a minivan?";
    List<String> fragments = new CopyOnWriteArrayList<>();

    Completion completion = client.stream(ask(question), fragments::add);

    assertEquals("Echo: " + question, completion.text());
    assertTrue(fragments.size() > 1);
    assertEquals("stop", completion.stopReason());
    assertEquals((completion.text().length() + 3) / 4, completion.completionTokens());
    assertTrue(completion.promptTokens() > 0);
    JsonNode body = api.requests(FakeLlamaApi.CHAT).getFirst().body();
    assertEquals("openai", api.requests(FakeLlamaApi.CHAT).getFirst().style());
    assertTrue(body.path("stream_options").path("include_usage").asBoolean());
  }

  @Test
  void sendsMaxTokensRatherThanMaxCompletionTokens() {
    ChatRequest request =
        new ChatRequest(null, List.of(ChatTurn.user("cut me short please")), 0.5, 2, "u1");

    Completion completion = client.complete(request);

    JsonNode body = api.requests(FakeLlamaApi.CHAT).getFirst().body();
    assertEquals(2, body.path("max_tokens").asInt());
    assertFalse(body.has("max_completion_tokens"));
    assertFalse(body.has("stream_options"));
    assertEquals("u1", body.path("user").asText());
    assertEquals("length", completion.stopReason());
    assertEquals("Echo: cu", completion.text());
  }

  @Test
  void listsModelsFromTheCompatEndpoint() {
    assertEquals(api.models(), client.models());
    assertEquals("/models", api.requests(FakeLlamaApi.MODELS).getFirst().path());
    assertEquals("openai", api.requests(FakeLlamaApi.MODELS).getFirst().style());
  }

  @Test
  void anErrorChunkMidStreamIsUnavailable() {
    ModelException error =
        assertThrows(
            ModelException.class,
            () -> client.stream(ask("one two three [[midstream-error]]"), text -> {}));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertTrue(error.getMessage().contains("unexpected error"), error.getMessage());
  }

  @Test
  void moderationsArePostedBelowTheSameBaseUrl() {
    llama.moderator().check(List.of(ChatTurn.user("hello")));

    assertEquals("openai", api.requests(FakeLlamaApi.MODERATION).getFirst().style());
  }
}
