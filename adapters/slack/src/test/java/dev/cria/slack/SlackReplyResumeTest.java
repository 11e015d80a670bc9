package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Reply;
import dev.cria.chat.ReplyRequest;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackFailure;
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

  /** A DM thread with Cria, where answers stream natively (channels post and edit). */
  private static final String CHANNEL = "D0ADA";

  private static final String THREAD = "1700000000.000100";

  private FakeSlackApi slack;
  private SlackReplyPort port;
  private SlackWebApi api;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    var settings =
        new SlackSettings(FakeSlackApi.BOT_TOKEN, "secret", null, slack.apiUrl(), true, null);
    api = new SlackWebApi(new SlackFactory().slack(settings), FakeSlackApi.BOT_TOKEN, 2);
    port = new SlackReplyPort(api);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private static String inThread() {
    return SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").encode();
  }

  @Test
  void theStreamIsTheReplysMessageBeforeAnyTextIsInIt() {
    Reply reply = port.open(inThread(), null);
    String started = reply.start();

    assertEquals(slack.thread(CHANNEL, THREAD).getFirst().ts(), started);
    assertEquals("", slack.thread(CHANNEL, THREAD).getFirst().text());
    reply.update("Half an answer ");
    assertEquals(started, reply.messageId());
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

  private static ReplyRequest attempt(int attempt, String eventId, String recorded) {
    String address =
        SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").asked(THREAD).encode();
    return new ReplyRequest(address, eventId, attempt, recorded);
  }

  @Test
  void untaggedMessagesFromBeforeTheQuestionAreLeftAlone() {
    // An answer of an older Cria, without metadata, posted before this question was asked.
    String older = api.postMessage(CHANNEL, THREAD, "An older answer.", null);
    String asked = "9999999999.000001";
    String address =
        SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").asked(asked).encode();

    port.open(new ReplyRequest(address, "Ev1", 2, null)).finish("The answer.");

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(2, thread.size(), thread.toString());
    assertEquals(older, thread.getFirst().ts());
    assertEquals("An older answer.", thread.getFirst().text());
    assertEquals("The answer.", thread.get(1).text());
    assertEquals(0, slack.calls("chat.delete").size());
  }

  @Test
  void aStreamStartedBeforeTheKillButNeverRecordedIsFoundAndFinished() {
    Reply earlier = port.open(attempt(1, "Ev0", null));
    earlier.start();
    earlier.finish("An earlier question's answer.");
    Reply crashed = port.open(attempt(1, "Ev1", null));
    crashed.start();
    crashed.update("Half an answer ");

    Reply taker = port.open(attempt(2, "Ev1", null));
    String ts = taker.start();
    taker.finish("The whole answer, at last.");

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(2, thread.size(), thread.toString());
    assertEquals("An earlier question's answer.", thread.get(0).text());
    assertEquals(ts, thread.get(1).ts());
    assertEquals("The whole answer, at last.", thread.get(1).text());
    assertFalse(thread.get(1).streaming());
    assertTrue(thread.get(1).metadata().contains("\"Ev1\""), thread.get(1).metadata());
    assertEquals("1", slack.calls("conversations.replies").getFirst().get("include_all_metadata"));
  }

  @Test
  void theContinuationsALongAnswerLeftAreNotRepeated() {
    String answer = ("A long line of the answer. ".repeat(40) + "\n\n").repeat(8);
    Reply crashed = port.open(attempt(1, "Ev1", null));
    String recorded = crashed.start();
    crashed.finish(answer);
    int messages = slack.thread(CHANNEL, THREAD).size();
    assertTrue(messages >= 2, "a long answer takes several messages");

    Reply taker = port.open(attempt(2, "Ev1", recorded));
    assertEquals(recorded, taker.finish(answer));

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(messages, thread.size(), thread.toString());
    assertEquals(recorded, thread.getFirst().ts());
  }

  @Test
  void aMessageSlackRefusesToEditIsDeletedAndTheAnswerPostedAnew() {
    Reply crashed = port.open(attempt(1, "Ev1", null));
    String recorded = crashed.start();
    crashed.update("Half an answer ");
    slack.failNext("chat.update", FakeSlackFailure.error("cant_update_message"));

    Reply taker = port.open(attempt(2, "Ev1", recorded));
    String ts = taker.finish("The whole answer.");

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(1, thread.size(), thread.toString());
    assertEquals(ts, thread.getFirst().ts());
    assertEquals("The whole answer.", thread.getFirst().text());
    assertEquals(recorded, slack.calls("chat.delete").getFirst().get("ts"));
  }
}
