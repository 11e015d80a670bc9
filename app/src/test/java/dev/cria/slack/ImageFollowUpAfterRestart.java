package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackEvents.FileShare;
import dev.cria.testing.TestFiles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image shared in a Slack thread, then Cria restarted on the same database: a follow-up in the
 * thread still sends the image to the model, from the stored turn, without downloading it again.
 * Run on H2 ({@link ImageFollowUpAfterRestartTest}) and PostgreSQL ({@link
 * ImageFollowUpAfterRestartIT}).
 */
final class ImageFollowUpAfterRestart {

  private static final String CHANNEL = "C0RESTART";
  private static final String THREAD = "1700003000.000100";

  private ImageFollowUpAfterRestart() {}

  static void check(Map<String, Object> database) throws Exception {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("cria.llama.vision-models", "llama3.2*");
    try (SlackApplication first = SlackApplication.httpMode(properties)) {
      String url = first.slack.file("FRST", "diagram.png", "image/png", TestFiles.PNG);
      first.post(
          FakeSlackEvents.mentionWithFiles(
              "Ev0RST1",
              CHANNEL,
              THREAD,
              null,
              "U0ADA",
              "Keep this diagram in mind",
              new FileShare("FRST", "diagram.png", "image/png", TestFiles.PNG.length, url)));
      first.slack.awaitMessage(
          CHANNEL,
          m -> THREAD.equals(m.threadTs()) && !m.streaming() && m.text().startsWith("Echo"));
    }

    try (SlackApplication second = SlackApplication.httpMode(properties)) {
      second.post(
          FakeSlackEvents.threadReply(
              "Ev0RST2", CHANNEL, "1700003001.000200", THREAD, "U0ADA", "What did it show?"));

      FakeLlamaApiRequest request =
          second.llama.await(
              r ->
                  r.endpoint().equals(FakeLlamaApi.CHAT)
                      && r.lastUserMessage().contains("What did it show?"),
              Duration.ofSeconds(30));
      assertEquals(List.of("data:image/png;base64," + TestFiles.PNG_BASE64), request.userImages());
      assertTrue(
          request.body().path("messages").toString().contains("Keep this diagram in mind"),
          "the earlier turn is sent with its image");
      assertEquals(List.of(), second.slack.filesServed(), "not downloaded again");
    }
  }
}
