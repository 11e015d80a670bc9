package dev.cria.slack;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages an answer ends up in, in one thread: the first where the placeholder or stream was,
 * the continuations of a long answer after it, every one tagged with the event; the last carries
 * the feedback buttons of a rateable answer.
 */
final class SlackAnswerMessages {

  private static final Logger LOG = LoggerFactory.getLogger(SlackAnswerMessages.class);

  private final SlackWebApi api;
  private final SlackReplyAddress to;
  private final String eventId;

  SlackAnswerMessages(SlackWebApi api, SlackReplyAddress to, String eventId) {
    this.api = api;
    this.to = to;
    this.eventId = eventId;
  }

  /**
   * Puts the first message where the placeholder or stream was, the rest after it. When Slack
   * refuses the edit, the old message is deleted (it must not stay beside the answer) and the
   * answer posted anew.
   */
  String replace(String ts, String text, boolean rateable) {
    List<String> messages = SlackMessageSplitter.messages(text);
    String first = messages.getFirst();
    String blocks = rateable && messages.size() == 1 ? SlackFeedbackBlocks.withText(first) : null;
    try {
      api.update(to.channel(), ts, first, blocks, eventId, false);
    } catch (SlackCallException e) {
      if (e.isTransient()) {
        throw e;
      }
      LOG.info("Could not edit message {} in {} ({}), posting anew", ts, to.channel(), e.error());
      remove(ts);
      return post(messages, rateable);
    }
    post(messages.subList(1, messages.size()), rateable);
    return ts;
  }

  /** Deletes a message; one Slack will not delete stays, and the log says so. */
  void remove(String ts) {
    try {
      api.delete(to.channel(), ts);
    } catch (SlackCallException e) {
      LOG.warn("Could not delete message {} in {} ({})", ts, to.channel(), e.error());
    }
  }

  /** Posts the messages in order; with {@code rateable}, the last carries feedback buttons. */
  String post(List<String> messages, boolean rateable) {
    String first = null;
    for (int i = 0; i < messages.size(); i++) {
      String message = messages.get(i);
      boolean last = i == messages.size() - 1;
      String blocks = rateable && last ? SlackFeedbackBlocks.withText(message) : null;
      String ts = api.postMessage(to.channel(), to.threadTs(), message, blocks, eventId);
      first = first == null ? ts : first;
    }
    return first;
  }
}
