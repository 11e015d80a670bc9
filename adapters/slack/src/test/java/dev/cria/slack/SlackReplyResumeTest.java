package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cria.chat.Reply;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer taken up again after a crash (ReplicaCrashIT found these): the stream the first attempt
 * started is reported for recording, and the second attempt stops it and writes the answer into it,
 * so the thread holds one finished answer.
 */
class SlackReplyResumeTest {

  private static final String CHANNEL = "C0GENERAL";
  private static final String THREAD = "1700000000.000100";

  private FakeSlackApi slack;
  private SlackReplyPort port;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    var settings = new SlackSettings(FakeSlackApi.BOT_TOKEN, "secret", null, slack.apiUrl(), true);
    port =
        new SlackReplyPort(
            new SlackWebApi(new SlackFactory().slack(settings), FakeSlackApi.BOT_TOKEN, 2));
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private static String inThread() {
    return SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").encode();
  }

  @Test
  void theStreamAnUpdateStartsIsTheReplysMessage() {
    Reply reply = port.open(inThread(), null);
    assertNull(reply.start());
    assertNull(reply.messageId());

    reply.update("Half an answer ");

    assertEquals(slack.thread(CHANNEL, THREAD).getFirst().ts(), reply.messageId());
  }

  @Test
  void aResumedReplyStopsTheStreamLeftOpenAndFinishesInIt() {
    Reply crashed = port.open(inThread(), null);
    crashed.start();
    crashed.update("Half an answer ");
    String left = crashed.messageId();

    Reply resumed = port.open(inThread(), left);
    assertEquals(left, resumed.start());
    resumed.update("The whole answer, at");
    String ts = resumed.finish("The whole answer, at last.");

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(1, thread.size(), thread.toString());
    assertEquals(left, ts);
    assertFalse(thread.getFirst().streaming());
    assertEquals("The whole answer, at last.", thread.getFirst().text());
  }

  @Test
  void aResumedPlaceholderIsEditedAsBefore() {
    String placeholder = port.open(inThread(), null).finish("Thinking");

    Reply resumed = port.open(inThread(), placeholder);
    resumed.finish("The answer.");

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(1, thread.size(), thread.toString());
    assertEquals("The answer.", thread.getFirst().text());
  }
}
