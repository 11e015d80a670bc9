package dev.cria.slack;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier attempt at an answer may have left in its thread that the queue never heard of: a
 * stream started in the instant before the kill, continuation messages of a long answer. They are
 * found in the thread (tagged with the event, or an untagged stream): the recorded message, else
 * the oldest found, takes the answer; the others are deleted.
 */
final class SlackTakeover {

  private static final Logger LOG = LoggerFactory.getLogger(SlackReply.class);

  private final SlackWebApi api;
  private final SlackReplyAddress to;
  private final String eventId;

  SlackTakeover(SlackWebApi api, SlackReplyAddress to, String eventId) {
    this.api = api;
    this.to = to;
    this.eventId = eventId;
  }

  /**
   * Deletes what an earlier attempt left, except the message the answer goes on in: {@code
   * recordedTs}, else the oldest found. Returns the oldest found, or null when nothing was left.
   */
  String takeOver(String recordedTs) {
    if (to.isCommand() || to.threadTs() == null || eventId == null) {
      return null;
    }
    List<String> left;
    try {
      left = api.leftFor(to.channel(), to.threadTs(), to.askedTs(), eventId);
    } catch (SlackCallException e) {
      LOG.warn(
          "Could not look for messages an earlier attempt left in {} ({})",
          to.channel(),
          e.error());
      return null;
    }
    if (left.isEmpty()) {
      return null;
    }
    String kept = recordedTs != null ? recordedTs : left.getFirst();
    SlackAnswerMessages messages = new SlackAnswerMessages(api, to, eventId);
    for (String ts : left) {
      if (!ts.equals(kept)) {
        messages.remove(ts);
      }
    }
    LOG.info("Took over {} message(s) an earlier attempt left in {}", left.size(), to.channel());
    return left.getFirst();
  }

  /**
   * The message an earlier attempt left may be a stream it never stopped (it crashed mid-answer):
   * stop it, so that it can be edited like a placeholder. A placeholder answers with an error.
   */
  void stopStream(String ts) {
    try {
      api.stopStream(to.channel(), ts, "", eventId);
      LOG.info("Stopped the stream an earlier attempt left in {}", to.channel());
    } catch (SlackCallException e) {
      LOG.debug("Resumed message {} was no open stream ({})", ts, e.error());
    }
  }
}
