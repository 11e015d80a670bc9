package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Attachment;
import dev.cria.chat.AttachmentDownloader.DownloadFailed;
import dev.cria.chat.AttachmentDownloader.TooLarge;
import dev.cria.fakes.FakeSlackApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code url_private} downloads against the fake Slack, which hands files over only with the bot
 * token.
 */
class SlackFileDownloaderTest {

  private static final byte[] BYTES = "col\n1\n".getBytes(StandardCharsets.UTF_8);

  private final FakeSlackApi slack = FakeSlackApi.start();

  @AfterEach
  void stop() {
    slack.close();
  }

  private SlackFileDownloader downloader(String token) {
    return new SlackFileDownloader(new SlackSettings(token, "secret", null, slack.apiUrl(), true));
  }

  private Attachment file() {
    return new Attachment(
        "a.csv", "text/csv", BYTES.length, slack.file("F1", "a.csv", "text/csv", BYTES));
  }

  @Test
  void theBotTokenGetsTheFile() {
    assertArrayEquals(BYTES, downloader(FakeSlackApi.BOT_TOKEN).download(file(), 1000));
    assertEquals(1, slack.filesServed().size());
  }

  @Test
  void withoutTheRightTokenSlackSendsTheSignInPageAndTheScopeIsNamed() {
    Attachment file = file();

    var failure =
        assertThrows(DownloadFailed.class, () -> downloader("xoxb-wrong").download(file, 1000));

    assertTrue(failure.getMessage().contains("files:read"), failure.getMessage());
    assertFalse(failure.getMessage().contains("xoxb"), "no token in the message");
    assertEquals(1, slack.filesRefused().size());
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedWhileRead() {
    Attachment file = new Attachment("a.csv", "text/csv", 0, file().source());

    assertThrows(TooLarge.class, () -> downloader(FakeSlackApi.BOT_TOKEN).download(file, 3));
  }

  @Test
  void theTokenIsNeverSentOutsideSlack() {
    Attachment elsewhere = new Attachment("x.png", "image/png", 1, "https://example.com/x.png");

    var failure =
        assertThrows(
            DownloadFailed.class, () -> downloader(FakeSlackApi.BOT_TOKEN).download(elsewhere, 10));

    assertEquals("the file is not on Slack", failure.getMessage());
    assertEquals(List.of(), slack.filesServed());
  }
}
