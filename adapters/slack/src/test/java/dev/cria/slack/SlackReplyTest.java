package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Reply;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackFailure;
import dev.cria.fakes.FakeSlackMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound side against a fake Slack: thinking, streaming, fallbacks, splitting, errors. */
class SlackReplyTest {

  private static final String CHANNEL = "C0GENERAL";
  private static final String THREAD = "1700000000.000100";

  /** A DM with Cria: its threads (agent threads too) stream natively. */
  private static final String DM = "D0ADA";

  private FakeSlackApi slack;
  private SlackWebApi api;
  private SlackReplyPort port;

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

  private static String inDmThread() {
    return SlackReplyAddress.thread(DM, THREAD, "U0ADA", "T0TEAM").encode();
  }

  /** The statuses set in a thread, in order ("" clears it). */
  private List<String> statuses(String channel) {
    return slack.calls("assistant.threads.setStatus").stream()
        .filter(call -> channel.equals(call.get("channel_id")))
        .map(call -> call.get("status") == null ? "<none>" : call.get("status"))
        .toList();
  }

  @Test
  void aChannelThreadIsAnsweredByAPostedMessageThatIsEditedNotByANativeStream() {
    Reply reply = port.open(inThread(), null);

    assertNull(reply.start(), "the status shows; no placeholder");
    reply.update("Hello wor");
    String first = reply.messageId();
    reply.update("Hello world, this is");
    String ts = reply.finish("Hello world, this is **Cria**.");

    assertEquals(0, slack.calls("chat.startStream").size());
    assertEquals(0, slack.calls("chat.appendStream").size());
    assertEquals(0, slack.calls("chat.stopStream").size());
    assertEquals(1, slack.calls("chat.postMessage").size());
    assertEquals(2, slack.calls("chat.update").size(), "one edit per update, then the answer");
    assertEquals(first, ts);
    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertEquals(1, thread.size());
    assertEquals("Hello world, this is *Cria*.", thread.getFirst().text());
    assertEquals(List.of(SlackReply.THINKING_STATUS, ""), statuses(CHANNEL));
  }

  @Test
  void aDmThreadStreamsNativelyAndClearsTheStatus() {
    Reply reply = port.open(inDmThread(), null);

    reply.start();
    reply.update("Hello there, ");
    reply.finish("Hello there, Ada.");

    assertEquals(1, slack.calls("chat.startStream").size());
    assertEquals(0, slack.calls("chat.postMessage").size());
    assertEquals(0, slack.calls("chat.update").size());
    assertEquals(List.of(SlackReply.THINKING_STATUS, ""), statuses(DM));
  }

  @Test
  void anAnswerCarriesFeedbackButtonsAndARefusalDoesNot() {
    Reply streamed = port.open(inDmThread(), null);
    streamed.start();
    streamed.answer("A streamed answer.");
    Reply edited = port.open(inThread(), null);
    edited.start();
    edited.update("An edited ");
    edited.answer("An edited answer.");
    Reply refused = port.open(inThread(), null);
    refused.start();
    refused.fail("I can't help with that.");

    String stop = slack.calls("chat.stopStream").getFirst().get("blocks");
    assertTrue(stop.contains("\"feedback_buttons\"") && stop.contains("cria_feedback"), stop);
    List<FakeSlackCall> posts = slack.calls("chat.postMessage");
    assertNull(posts.getLast().get("blocks"), "the refusal has no buttons");
    String answered = slack.calls("chat.update").getLast().get("blocks");
    assertTrue(answered.contains("\"feedback_buttons\""), answered);
    assertTrue(answered.contains("An edited answer."), "the text is shown in a section");
  }

  @Test
  void theStatusIsClearedWhenTheAnswerCannotBeDelivered() {
    slack.failAlways("chat.postMessage", FakeSlackFailure.error("channel_not_found"));
    Reply reply = port.open(inThread(), null);

    reply.start();
    assertThrows(SlackCallException.class, () -> reply.fail("Sorry, the model is busy."));

    assertEquals(List.of(SlackReply.THINKING_STATUS, ""), statuses(CHANNEL));
  }

  @Test
  void anAttemptTakingOverClearsTheStatusItsPredecessorLeft() {
    port.open(inThread(), null).start(); // then the replica died
    String address =
        SlackReplyAddress.thread(CHANNEL, THREAD, "U0ADA", "T0TEAM").asked(THREAD).encode();

    port.open(new dev.cria.chat.ReplyRequest(address, "Ev1", 4, null)).fail("I gave up.");

    assertEquals(List.of(SlackReply.THINKING_STATUS, ""), statuses(CHANNEL));
  }

  @Test
  void threadAnswerShowsStatusThenStreamsAndEndsWithTheModelsText() {
    Reply reply = port.open(inDmThread(), null);

    // The stream starts empty: its ts is recorded before any text is in it.
    String started = reply.start();
    assertEquals(THREAD, slack.calls("assistant.threads.setStatus").getFirst().get("thread_ts"));
    var start = slack.calls("chat.startStream").getFirst();
    assertNull(start.get("markdown_text"));
    assertEquals(started, slack.thread(DM, THREAD).getFirst().ts());
    reply.update("Hello wor");
    reply.update("Hello world, this is");
    String ts = reply.finish("Hello world, this is **Cria**.");

    assertEquals("U0ADA", start.get("recipient_user_id"));
    assertEquals("T0TEAM", start.get("recipient_team_id"));
    var appends = slack.calls("chat.appendStream");
    assertEquals("Hello ", appends.get(0).get("markdown_text"));
    assertEquals("world, this ", appends.get(1).get("markdown_text"));
    assertEquals("is **Cria**.", slack.calls("chat.stopStream").getFirst().get("markdown_text"));
    assertEquals(started, ts);
    List<FakeSlackMessage> thread = slack.thread(DM, THREAD);
    assertEquals(1, thread.size());
    assertEquals(ts, thread.getFirst().ts());
    assertEquals("Hello world, this is **Cria**.", thread.getFirst().text());
    assertFalse(thread.getFirst().streaming());
  }

  @Test
  void withoutStreamingTheAnswerEditsOnePlaceholderAndLaterAnswersSkipStreaming() {
    slack.failAlways("chat.startStream", FakeSlackFailure.error("not_allowed"));
    Reply reply = port.open(inDmThread(), null);

    reply.start();
    reply.update("Partial **answer**");
    reply.update("Partial **answer** grows");
    String ts = reply.finish("Partial **answer** grows up.");

    List<FakeSlackMessage> thread = slack.thread(DM, THREAD);
    assertEquals(1, thread.size());
    assertEquals(ts, thread.getFirst().ts());
    assertEquals("Partial *answer* grows up.", thread.getFirst().text());
    assertEquals(2, thread.getFirst().edits());

    Reply next = port.open(inDmThread(), null);
    next.start();
    next.update("Second answer");
    next.finish("Second answer.");
    assertEquals(1, slack.calls("chat.startStream").size());
  }

  @Test
  void withoutThinkingStatusAPlaceholderIsPostedAndReplaced() {
    slack.failAlways("assistant.threads.setStatus", FakeSlackFailure.error("missing_scope"));
    Reply reply = port.open(inThread(), null);

    String placeholder = reply.start();
    assertEquals(SlackReply.THINKING_MESSAGE, slack.thread(CHANNEL, THREAD).getFirst().text());
    reply.update("Half an");
    String ts = reply.finish("Half an answer is no answer.");

    assertEquals(placeholder, ts);
    assertEquals(0, slack.calls("chat.startStream").size());
    assertEquals("Half an answer is no answer.", slack.thread(CHANNEL, THREAD).getFirst().text());
  }

  @Test
  void topLevelDmAnswersOutsideAThread() {
    Reply reply =
        port.open(SlackReplyAddress.thread("D0ADA", null, "U0ADA", "T0TEAM").encode(), null);

    assertNotNull(reply.start());
    reply.finish("Hi **Ada**");

    List<FakeSlackMessage> dm = slack.messages("D0ADA");
    assertEquals(1, dm.size());
    assertNull(dm.getFirst().threadTs());
    assertEquals("Hi *Ada*", dm.getFirst().text());
    assertEquals("0", slack.calls("chat.postMessage").getFirst().get("unfurl_links"));
    assertEquals(0, slack.calls("assistant.threads.setStatus").size());
  }

  @Test
  void longAnswerContinuesInFurtherThreadMessagesUnderFourThousandCharacters() {
    String answer = SlackMessageSplitterTest.longAnswer();
    Reply reply = port.open(inThread(), null);

    reply.start();
    reply.update(answer.substring(0, 500));
    String ts = reply.finish(answer);

    List<FakeSlackMessage> thread = slack.thread(CHANNEL, THREAD);
    assertTrue(thread.size() >= 3, "messages: " + thread);
    assertEquals(ts, thread.getFirst().ts());
    thread.forEach(m -> assertTrue(m.text().length() < 4_000, m.toString()));
    assertEquals(
        SlackMessageSplitter.messages(answer),
        thread.stream().map(FakeSlackMessage::text).toList());
  }

  @Test
  void rateLimitedPostWaitsForRetryAfterAndSucceeds() {
    slack.failNext("chat.postMessage", FakeSlackFailure.rateLimited(1));
    Reply reply =
        port.open(SlackReplyAddress.thread("D0ADA", null, "U0ADA", "T0TEAM").encode(), null);

    reply.start();
    reply.finish("Done.");

    assertEquals(2, slack.calls("chat.postMessage").size());
    assertEquals("Done.", slack.messages("D0ADA").getFirst().text());
  }

  @Test
  void answerThatCannotBeDeliveredThrows() {
    slack.failAlways("assistant.threads.setStatus", FakeSlackFailure.error("channel_not_found"));
    slack.failAlways("chat.postMessage", FakeSlackFailure.error("channel_not_found"));
    Reply reply = port.open(inThread(), null);

    var failure = assertThrows(SlackCallException.class, () -> reply.finish("Lost?"));
    assertEquals("channel_not_found", failure.error());
    assertFalse(failure.getMessage().contains(FakeSlackApi.BOT_TOKEN));
  }

  @Test
  void transientErrorsAreRetriedThenReported() {
    slack.failAlways("chat.postMessage", FakeSlackFailure.httpStatus(503));
    Reply reply =
        port.open(SlackReplyAddress.thread("D0ADA", null, "U0ADA", "T0TEAM").encode(), null);

    var failure = assertThrows(SlackCallException.class, () -> reply.finish("Lost?"));
    assertEquals("http_503", failure.error());
    assertEquals(3, slack.calls("chat.postMessage").size());
  }

  @Test
  void resumedAnswerEditsTheMessageAnEarlierAttemptPosted() {
    String earlier = api.postMessage(CHANNEL, THREAD, SlackReply.THINKING_MESSAGE, null);
    Reply reply = port.open(inThread(), earlier);

    assertEquals(earlier, reply.start());
    assertEquals(earlier, reply.finish("Here it is."));

    assertEquals(1, slack.calls("chat.postMessage").size());
    assertEquals("Here it is.", slack.thread(CHANNEL, THREAD).getFirst().text());
  }

  @Test
  void resumedAnswerWhoseMessageIsGoneIsPostedAnew() {
    Reply reply = port.open(inThread(), "1600000000.000001");

    String ts = reply.finish("Here it is.");

    assertEquals(ts, slack.thread(CHANNEL, THREAD).getFirst().ts());
    assertEquals("Here it is.", slack.thread(CHANNEL, THREAD).getFirst().text());
  }

  @Test
  void failureAfterPartialStreamReplacesTheStreamedText() {
    Reply reply = port.open(inDmThread(), null);

    reply.start();
    reply.update("The answer is being");
    String ts = reply.fail("Sorry, the model stopped answering. Try again in a minute.");

    FakeSlackMessage message = slack.thread(DM, THREAD).getFirst();
    assertEquals(ts, message.ts());
    assertFalse(message.streaming());
    assertEquals("Sorry, the model stopped answering. Try again in a minute.", message.text());
  }

  @Test
  void slashCommandAnswerGoesToTheResponseUrlForTheUserOnly() {
    String address =
        SlackReplyAddress.command(CHANNEL, "U0ADA", "T0TEAM", slack.responseUrl("r1")).encode();
    Reply reply = port.open(address, null);

    assertNull(reply.start());
    reply.finish("Model: **Llama-4**");

    var response = slack.calls("response_url").getFirst();
    assertEquals("ephemeral", response.get("response_type"));
    assertEquals("Model: *Llama-4*", response.get("text"));
    assertEquals(0, slack.calls("chat.postMessage").size());
  }

  @Test
  void modelOutputCannotPingTheChannel() {
    Reply reply =
        port.open(SlackReplyAddress.thread("D0ADA", null, "U0ADA", "T0TEAM").encode(), null);

    reply.finish("<!channel> look, @here and <!subteam^S0DEV|@devs>");

    String text = slack.messages("D0ADA").getFirst().text();
    assertFalse(text.contains("<!"), text);
    assertFalse(text.contains("@here"), text);
  }
}
