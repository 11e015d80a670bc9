package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.core.ChatTurn;
import dev.cria.core.ImagePart;
import dev.cria.core.ModelException;
import dev.cria.core.Moderator.ModerationResult;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import dev.cria.fakes.FakeLlamaApiRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /moderations}: safe, flagged input, flagged answers, and failing closed. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaModeratorTest {

  private FakeLlamaApi api;
  private TestLlama llama;
  private LlamaModerator moderator;

  @BeforeEach
  void reset(FakeLlamaApi api) {
    this.api = api;
    llama = TestLlama.nativeApi(api.baseUrl());
    moderator = llama.moderator();
  }

  @Test
  void aSafeMessageIsNotFlaggedAndTheRequestCarriesModelAndMessages() {
    ModerationResult result = moderator.check(List.of(ChatTurn.user("good morning")));

    assertFalse(result.flagged());
    assertEquals(List.of(), result.categories());
    assertEquals("Llama-Guard", result.model());
    JsonNode body = api.requests(FakeLlamaApi.MODERATION).getFirst().body();
    assertEquals("Llama-Guard", body.path("model").asText());
    assertEquals("user", body.path("messages").get(0).path("role").asText());
    assertEquals("good morning", body.path("messages").get(0).path("content").asText());
  }

  @Test
  void imagesGoToLlamaGuard4ButLlamaGuard3GetsTheTextOnly() {
    ChatTurn withImage =
        new ChatTurn(
            ChatTurn.Role.USER,
            "is this fine?",
            List.of(new ImagePart("a.png", "image/png", "iVBORw0KGgo=")));
    var guard4 =
        TestLlama.with(
            TestLlama.API_KEY,
            api.baseUrl(),
            "openai",
            Duration.ofSeconds(10),
            "guard",
            "llama-guard4:12b",
            "");
    var guard3 =
        TestLlama.with(
            TestLlama.API_KEY,
            api.baseUrl(),
            "openai",
            Duration.ofSeconds(10),
            "guard",
            "llama-guard3:1b",
            "");

    guard4.moderator().check(List.of(withImage));
    guard3.moderator().check(List.of(withImage));

    List<FakeLlamaApiRequest> asked = api.requests(FakeLlamaApi.GUARD);
    JsonNode toGuard4 = asked.get(0).body().path("messages").get(0).path("content");
    assertEquals(
        "data:image/png;base64,iVBORw0KGgo=", toGuard4.get(1).at("/image_url/url").asText());
    JsonNode toGuard3 = asked.get(1).body().path("messages").get(0).path("content");
    assertEquals("is this fine?", toGuard3.asText(), "text only");
  }

  @Test
  void flaggedInputComesBackWithItsCategory() {
    ModerationResult result = moderator.check(List.of(ChatTurn.user("card number? [[flag]]")));

    assertTrue(result.flagged());
    assertEquals(List.of("privacy"), result.categories());
  }

  @Test
  void anAnswerIsCheckedAfterTheQuestionItAnswers() {
    ChatTurn question = ChatTurn.user("tell me [[flag-output]]");
    String answer = llama.client().stream(TestLlama.ask(question.content()), text -> {}).text();

    ModerationResult input = moderator.check(List.of(question));
    ModerationResult output = moderator.check(List.of(question, ChatTurn.assistant(answer)));

    assertFalse(input.flagged());
    assertTrue(output.flagged());
    assertEquals(1, output.categories().size());
    JsonNode sent = api.requests(FakeLlamaApi.MODERATION).getLast().body().path("messages");
    assertEquals("assistant", sent.get(1).path("role").asText());
  }

  @Test
  void anUnavailableModerationIsAnErrorSoThePipelineFailsClosed() {
    api.setModerationUnavailable(true);

    ModelException error =
        assertThrows(ModelException.class, () -> moderator.check(List.of(ChatTurn.user("x"))));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertEquals(3, api.count(FakeLlamaApi.MODERATION), "503 is retried like any 5xx");
    assertEquals(1, llama.requests(LlamaTransport.MODERATION, "unavailable"));
  }

  @Test
  void anAnswerWithoutResultsIsAnError() {
    JsonNode empty = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();

    assertThrows(ModelException.class, () -> LlamaModerator.result(empty, llama.settings));
  }
}
