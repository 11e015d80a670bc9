package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mentionWithFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackEvents.FileShare;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Images and files shared with a Slack mention, end to end: the fake Slack hosts them behind the
 * bot token, the pipeline downloads them and the fake model receives image parts and file texts.
 * The answering model ({@code llama3.2} here) is declared a vision model; the limits are small.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAttachmentsTest {

  private static final String DATA_URL = "data:image/png;base64," + TestFiles.PNG_BASE64;

  private SlackApplication app;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  void start() {
    app =
        SlackApplication.httpMode(
            Map.of(
                "cria.llama.vision-models", "llama3.2*",
                "cria.attachments.images-per-message", 2,
                "cria.attachments.images-per-conversation", 3,
                "cria.attachments.image-max-mb", 1,
                "cria.attachments.file-max-chars", 200));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private String channel() {
    return "C0ATT" + ids.incrementAndGet();
  }

  private String ts() {
    return "1700002%03d.%06d".formatted(ids.incrementAndGet(), ids.get());
  }

  private String eventId() {
    return "Ev0ATT" + ids.incrementAndGet();
  }

  private FileShare png(String name) {
    String id = "F" + ids.incrementAndGet();
    return new FileShare(
        id,
        name,
        "image/png",
        TestFiles.PNG.length,
        app.slack.file(id, name, "image/png", TestFiles.PNG));
  }

  private FileShare file(String name, String mimeType, byte[] bytes) {
    String id = "F" + ids.incrementAndGet();
    return new FileShare(
        id, name, mimeType, bytes.length, app.slack.file(id, name, mimeType, bytes));
  }

  /** The answer in a thread once its text passes the test (it is posted, then edited). */
  private FakeSlackMessage answer(String channel, String thread, Predicate<String> text) {
    return app.slack.awaitMessage(
        channel, m -> thread.equals(m.threadTs()) && !m.streaming() && text.test(m.text()));
  }

  private FakeLlamaApiRequest chatAbout(String text) {
    return app.llama.await(
        r -> r.endpoint().equals(FakeLlamaApi.CHAT) && r.lastUserMessage().contains(text),
        Duration.ofSeconds(20));
  }

  @Test
  void anImageWithAMentionReachesTheModelAsAnImagePart() throws Exception {
    String channel = channel();
    String ts = ts();
    FileShare image = png("chart.png");

    app.post(mentionWithFiles(eventId(), channel, ts, null, "U0ADA", "What is in it?", image));

    FakeLlamaApiRequest request = chatAbout("What is in it?");
    assertEquals(List.of(DATA_URL), request.userImages());
    var content = request.body().path("messages").get(1).path("content");
    assertEquals("text", content.get(0).path("type").asText());
    assertEquals("image_url", content.get(1).path("type").asText());
    answer(channel, ts, "Echo: Ada: What is in it?"::equals);
    assertTrue(app.slack.filesServed().stream().anyMatch(path -> path.endsWith("/chart.png")));
  }

  @Test
  void anImageWithoutTextIsAQuestionAboutItNotTheHelpText() throws Exception {
    String channel = channel();
    String ts = ts();

    app.post(mentionWithFiles(eventId(), channel, ts, null, "U0ADA", "", png("screen.png")));

    answer(channel, ts, "Echo: Ada: What can you tell me about this image?"::equals);
    assertEquals(List.of(DATA_URL), chatAbout("this image").userImages());
  }

  @Test
  void aPdfsTextReachesTheModelUnderItsName() throws Exception {
    String channel = channel();
    String ts = ts();
    byte[] pdf = TestFiles.pdf("Quarterly llama census: 42 llamas.");

    app.post(
        mentionWithFiles(
            eventId(),
            channel,
            ts,
            null,
            "U0ADA",
            "Summarize",
            file("census.pdf", "application/pdf", pdf)));

    FakeLlamaApiRequest request = chatAbout("Summarize");
    String sent = request.lastUserMessage();
    assertTrue(sent.contains("[File census.pdf]"), sent);
    assertTrue(sent.contains("Quarterly llama census: 42 llamas."), sent);
    assertEquals(List.of(), request.userImages());
  }

  @Test
  void aLongFileIsCutAndTheUserIsTold() throws Exception {
    String channel = channel();
    String ts = ts();
    String csv = "name,age\n" + "llama,7\n".repeat(100);

    app.post(
        mentionWithFiles(
            eventId(),
            channel,
            ts,
            null,
            "U0ADA",
            "Count the rows",
            file("herd.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));

    String sent = chatAbout("Count the rows").lastUserMessage();
    assertTrue(sent.contains(csv.substring(0, 200)), sent);
    assertFalse(sent.contains(csv.substring(0, 201)), sent);
    answer(
        channel,
        ts,
        text -> text.contains("`herd.csv` is long: I read only its first 200 characters"));
  }

  @Test
  void limitsAndUnsupportedTypesAreToldInTheReply() throws Exception {
    String channel = channel();
    String ts = ts();
    FileShare big =
        new FileShare(
            "FBIG", "huge.png", "image/png", 5L * 1024 * 1024, png("huge.png").urlPrivate());

    app.post(
        mentionWithFiles(
            eventId(),
            channel,
            ts,
            null,
            "U0ADA",
            "Look",
            big,
            png("one.png"),
            png("two.png"),
            png("three.png"),
            file("herd.zip", "application/zip", new byte[] {80, 75, 3, 4})));

    String reply = answer(channel, ts, text -> text.contains("I can't read `herd.zip`")).text();
    assertTrue(reply.startsWith("Echo: Ada: Look"), reply);
    assertTrue(
        reply.contains("I skipped `huge.png`: it is larger than 1 MB (CRIA_IMAGE_MAX_MB)"), reply);
    assertTrue(reply.contains("I skipped `three.png`: at most 2 images per message"), reply);
    assertTrue(reply.contains("I can't read `herd.zip` (application/zip)"), reply);
    assertEquals(2, chatAbout("Look").userImages().size());
  }

  @Test
  void aConversationFullOfImagesTakesNoMoreAndTheUserIsTold() throws Exception {
    String channel = channel();
    String ts = ts();
    app.post(
        mentionWithFiles(
            eventId(), channel, ts, null, "U0ADA", "Two first", png("p1.png"), png("p2.png")));
    answer(channel, ts, "Echo: Ada: Two first"::equals);

    app.post(
        mentionWithFiles(
            eventId(), channel, ts(), ts, "U0ADA", "Two more", png("p3.png"), png("p4.png")));

    String reply = answer(channel, ts, text -> text.contains("`p4.png`")).text();
    assertTrue(
        reply.contains("I skipped `p4.png`: this conversation already holds 3 images"), reply);
    assertEquals(3, chatAbout("Two more").userImages().size());
  }

  @Test
  void moreThanTwentyFilesAreToldAndOnlyTheFirstTwentyRead() throws Exception {
    String channel = channel();
    String ts = ts();
    FileShare[] files = new FileShare[21];
    for (int i = 0; i < files.length; i++) {
      files[i] = new FileShare("FZ" + i, "f" + i + ".zip", "application/zip", 4, "https://x/" + i);
    }

    app.post(mentionWithFiles(eventId(), channel, ts, null, "U0ADA", "Many files", files));

    String reply = answer(channel, ts, text -> text.contains("You posted 21 files")).text();
    assertTrue(reply.contains("You posted 21 files; I read only the first 20."), reply);
    assertTrue(reply.contains("`f19.zip`"), reply);
    assertFalse(reply.contains("`f20.zip`"), reply);
  }

  @Test
  void aFollowUpInTheThreadStillSeesTheImage() throws Exception {
    String channel = channel();
    String ts = ts();
    app.post(
        mentionWithFiles(eventId(), channel, ts, null, "U0ADA", "Remember this", png("a.png")));
    answer(channel, ts, "Echo: Ada: Remember this"::equals);

    app.post(
        dev.cria.fakes.FakeSlackEvents.threadReply(
            eventId(), channel, ts(), ts, "U0ADA", "What colour was it?"));

    assertEquals(List.of(DATA_URL), chatAbout("What colour was it?").userImages());
  }
}
