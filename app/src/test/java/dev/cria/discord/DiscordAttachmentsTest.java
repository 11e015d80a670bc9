package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscord.Upload;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.TestFiles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Discord attachments end to end: the fake Discord hosts them on its fake CDN, the pipeline
 * downloads them, and the fake model receives image parts, or Cria says the model cannot see them.
 */
class DiscordAttachmentsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String MENTION = "<@" + FakeDiscordPayloads.SELF_ID + "> ";
  private static final String DATA_URL = "data:image/png;base64," + TestFiles.PNG_BASE64;

  private final FakeDiscord discord = new FakeDiscord();
  private PipelineHarness app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    discord.close();
  }

  private void start(String visionModels) {
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.put("cria.llama.vision-models", visionModels);
    app = PipelineHarness.start(properties);
    discord.awaitConnected(1);
  }

  private String awaitAnswer(Predicate<String> text) {
    discord.awaitTrue(
        () ->
            discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).stream()
                .anyMatch(m -> text.test(m.getString("content", ""))),
        "an answer");
    return discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).stream()
        .map(m -> m.getString("content", ""))
        .filter(text)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAttachedImageReachesTheModelAsAnImagePart() {
    start("llama3.2*");

    discord.messageWithAttachments(
        FakeDiscordPayloads.CHANNEL_ID,
        MENTION + "What animal is this?",
        new Upload("llama.png", "image/png", TestFiles.PNG));

    FakeLlamaApiRequest request =
        app.llama.await(
            r -> r.endpoint().equals(FakeLlamaApi.CHAT) && r.lastUserMessage().contains("animal"),
            WAIT);
    assertEquals(List.of(DATA_URL), request.userImages());
    assertTrue(discord.attachmentsServed().getFirst().endsWith("/llama.png"));
    awaitAnswer(text -> text.startsWith("Echo:") && text.endsWith("What animal is this?"));
  }

  @Test
  void anAttachedPdfsTextReachesTheModel() {
    start("none");

    discord.messageWithAttachments(
        FakeDiscordPayloads.CHANNEL_ID,
        MENTION + "What does the memo say?",
        new Upload("memo.pdf", "application/pdf", TestFiles.pdf("Shearing starts on Monday.")));

    FakeLlamaApiRequest request =
        app.llama.await(
            r -> r.endpoint().equals(FakeLlamaApi.CHAT) && r.lastUserMessage().contains("memo"),
            WAIT);
    String sent = request.lastUserMessage();
    assertTrue(sent.contains("[File memo.pdf]\nShearing starts on Monday."), sent);
  }

  @Test
  void aModelWithoutVisionIsNotSentTheImageAndTheUserIsTold() {
    start("none");

    discord.messageWithAttachments(
        FakeDiscordPayloads.CHANNEL_ID,
        MENTION + "Describe the photo",
        new Upload("photo.jpg", "image/jpeg", TestFiles.PNG));

    String answer = awaitAnswer(text -> text.contains("can't see images"));
    assertTrue(answer.contains("Describe the photo"), answer);
    assertTrue(answer.contains("The model `llama3.2` can't see images"), answer);
    FakeLlamaApiRequest request = app.llama.requests(FakeLlamaApi.CHAT).getLast();
    assertEquals(List.of(), request.userImages());
    assertEquals(List.of(), discord.attachmentsServed(), "the image was not even downloaded");
  }

  @Test
  void ollamaSayingTheModelSeesImagesIsEnoughWithoutConfiguringIt() {
    start("none");
    app.llama.visionModels("llama3.2");

    discord.messageWithAttachments(
        FakeDiscordPayloads.CHANNEL_ID,
        MENTION + "Which breed?",
        new Upload("alpaca.png", "image/png", TestFiles.PNG));

    FakeLlamaApiRequest request =
        app.llama.await(
            r -> r.endpoint().equals(FakeLlamaApi.CHAT) && r.lastUserMessage().contains("breed"),
            WAIT);
    assertEquals(List.of(DATA_URL), request.userImages());
    assertTrue(
        app.llama.requests().stream().anyMatch(r -> r.path().equals("/api/show")),
        "asked Ollama for the model's capabilities");
  }

  @Test
  void onlyAnImageForAModelWithoutVisionIsAnsweredWithTheNoticeAlone() {
    start("none");
    int chats = app.llama.count(FakeLlamaApi.CHAT);

    discord.messageWithAttachments(
        FakeDiscordPayloads.CHANNEL_ID,
        MENTION.strip(),
        new Upload("photo.png", "image/png", TestFiles.PNG));

    String answer = awaitAnswer(text -> text.contains("can't see images"));
    assertTrue(answer.startsWith("The model `llama3.2` can't see images"), answer);
    assertEquals(chats, app.llama.count(FakeLlamaApi.CHAT));
  }
}
