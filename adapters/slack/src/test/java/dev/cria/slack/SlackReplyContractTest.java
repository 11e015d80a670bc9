package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cria.chat.Reply;
import dev.cria.chat.ReplyContract;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The reply contract on Slack, in a channel thread, over the fake Slack Web API. */
class SlackReplyContractTest extends ReplyContract {

  private static final String CHANNEL = "C0GENERAL";
  private static final String THREAD = "1700000000.000100";

  /** A broadcast Slack would notify: {@code <!everyone>} or a bare {@code @channel}. */
  private static final Pattern BROADCAST =
      Pattern.compile("(?i)<!(channel|here|everyone)|(?<![\\w@])@(channel|here|everyone)\\b");

  private FakeSlackApi slack;
  private SlackReplyPort port;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    var settings =
        new SlackSettings(FakeSlackApi.BOT_TOKEN, "secret", null, slack.apiUrl(), true, null);
    port =
        new SlackReplyPort(
            new SlackWebApi(new SlackFactory().slack(settings), FakeSlackApi.BOT_TOKEN, 2));
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private static String address() {
    return SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").encode();
  }

  @Override
  protected Reply open() {
    return port.open(address(), null);
  }

  @Override
  protected Reply resume(String messageId) {
    return port.open(address(), messageId);
  }

  @Override
  protected List<String> shown() {
    return slack.thread(CHANNEL, THREAD).stream().map(FakeSlackMessage::text).toList();
  }

  @Override
  protected int maxLength() {
    return SlackMessageSplitter.MESSAGE_LIMIT;
  }

  @Override
  protected void assertNoBroadcastPings() {
    for (String text : shown()) {
      assertFalse(BROADCAST.matcher(text).find(), text);
    }
  }
}
