package dev.cria.slack;

import dev.cria.chat.Reply;
import dev.cria.chat.ReplyRequest;
import dev.cria.chat.Summary;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer in Slack. Thinking: {@code assistant.threads.setStatus} and, in a DM thread with Cria
 * (agent threads included) where streaming works, an empty stream whose ts the core records before
 * any text goes into it; without the status, a placeholder message. Progress: the stream in DMs; in
 * channels a message posted and then edited (the core paces updates to about one a second), because
 * a native stream in a channel is live only for its recipient: everyone else sees the first chunk,
 * then nothing until it stops. The status is cleared when the answer is finished or failed, also by
 * an attempt taking over from one that set it. Finish: the rendered answer completes the stream or
 * replaces the placeholder; answers too long for one message continue in further thread messages.
 * Every message is tagged with the event ({@link SlackReplyTag}). Taking over from a crashed
 * attempt, it first finds what that attempt left in the thread ({@link #takeOver()}).
 */
final class SlackReply implements Reply {

  static final String THINKING_STATUS = "is thinking…";
  static final String THINKING_MESSAGE = ":hourglass_flowing_sand: _Thinking…_";

  private static final Logger LOG = LoggerFactory.getLogger(SlackReply.class);

  private final SlackWebApi api;
  private final SlackReplyAddress to;
  private final SlackStreaming streaming;
  private final String eventId;
  private String messageTs;
  private SlackStream stream;
  private Instant quietUntil = Instant.MIN;
  private boolean resumed;
  private boolean takingOver;
  private final boolean laterAttempt;
  private boolean statusShown;

  private final SlackStops stops;
  private final SlackTakeover takeover;

  SlackReply(
      SlackWebApi api,
      SlackReplyAddress to,
      SlackStreaming streaming,
      SlackStops stops,
      ReplyRequest request) {
    this.api = api;
    this.stops = stops;
    this.to = to;
    this.streaming = streaming;
    this.eventId = request.eventId();
    this.messageTs = request.messageId();
    this.resumed = messageTs != null;
    this.takingOver = request.takesOver();
    this.laterAttempt = resumed || takingOver;
    this.takeover = new SlackTakeover(api, to, eventId);
  }

  /** Whether the Stop button was clicked for this thread or this streamed message. */
  @Override
  public boolean stopped() {
    String ts;
    synchronized (this) {
      ts = messageTs;
    }
    return stops.isStopped(to.channel(), to.threadTs()) || stops.isStopped(to.channel(), ts);
  }

  @Override
  public synchronized String start() {
    takeOver();
    stopResumedStream();
    if (to.isCommand() || messageTs != null) {
      return messageTs;
    }
    if (to.threadTs() != null && showStatus()) {
      if (streamsNatively() && streaming.available()) {
        try {
          stream = SlackStream.open(api, to, eventId);
          return stream.ts();
        } catch (SlackCallException e) {
          streaming.failed(e);
        }
      }
      return null;
    }
    messageTs = api.postMessage(to.channel(), to.threadTs(), THINKING_MESSAGE, eventId);
    return messageTs;
  }

  /**
   * Native streaming only where everyone in the conversation sees it: a DM with Cria (its id starts
   * with {@code D}), agent threads included. Channels get a message that is edited instead.
   */
  private boolean streamsNatively() {
    return to.channel().startsWith("D");
  }

  private boolean showStatus() {
    try {
      api.setStatus(to.channel(), to.threadTs(), THINKING_STATUS);
      statusShown = true;
      return true;
    } catch (SlackCallException e) {
      LOG.debug("No thinking status in {} ({})", to.channel(), e.error());
      return false;
    }
  }

  @Override
  public synchronized void update(String textSoFar) {
    stopResumedStream();
    if (to.isCommand() || Instant.now().isBefore(quietUntil)) {
      return;
    }
    String preview = SlackMessageSplitter.preview(textSoFar);
    try {
      if (stream != null) {
        stream.append(textSoFar);
      } else if (messageTs != null) {
        api.update(to.channel(), messageTs, preview, eventId, true);
      } else {
        messageTs = api.postMessage(to.channel(), to.threadTs(), preview, eventId);
      }
    } catch (SlackCallException e) {
      LOG.warn(
          "Progress update in {} failed ({}); the final answer follows", to.channel(), e.error());
      if (e.retryAfter() != null) {
        quietUntil = Instant.now().plus(e.retryAfter());
      }
    }
  }

  @Override
  public synchronized String messageId() {
    return stream != null ? stream.ts() : messageTs;
  }

  /** Runs once, before anything else is sent: see {@link SlackTakeover}. */
  private void takeOver() {
    if (!takingOver) {
      return;
    }
    takingOver = false;
    String left = takeover.takeOver(messageTs);
    if (messageTs == null && left != null) {
      messageTs = left;
      resumed = true;
    }
  }

  private void stopResumedStream() {
    if (resumed) {
      resumed = false;
      takeover.stopStream(messageTs);
    }
  }

  @Override
  public synchronized String finish(String text) {
    try {
      return deliver(text, false);
    } finally {
      clearStatus();
    }
  }

  /** The model's answer: as {@link #finish}, with feedback buttons under its last message. */
  @Override
  public synchronized String answer(String text) {
    try {
      return deliver(text, true);
    } finally {
      clearStatus();
    }
  }

  /**
   * Clears the thinking status this attempt set, or an earlier attempt may have left (it crashed,
   * or this is the reply that gives up), even when the answer could not be delivered.
   */
  private void clearStatus() {
    stops.forget(to.channel(), to.threadTs());
    stops.forget(to.channel(), messageTs);
    if (to.isCommand() || to.threadTs() == null || !(statusShown || laterAttempt)) {
      return;
    }
    try {
      api.clearStatus(to.channel(), to.threadTs());
      statusShown = false;
    } catch (SlackCallException e) {
      LOG.debug("Could not clear the status in {} ({})", to.channel(), e.error());
    }
  }

  private String deliver(String text, boolean rateable) {
    takeOver();
    stopResumedStream();
    if (to.isCommand()) {
      for (String message : SlackMessageSplitter.messages(text)) {
        api.respond(to.responseUrl(), message);
      }
      return null;
    }
    if (stream != null) {
      if (finishStream(text, rateable ? SlackFeedbackBlocks.alone() : null)) {
        return stream.ts();
      }
      return messages().replace(stream.ts(), text, rateable);
    }
    return messageTs != null
        ? messages().replace(messageTs, text, rateable)
        : messages().post(SlackMessageSplitter.messages(text), rateable);
  }

  private SlackAnswerMessages messages() {
    return new SlackAnswerMessages(api, to, eventId);
  }

  private boolean finishStream(String text, String blocks) {
    try {
      return stream.finish(text, blocks);
    } catch (SlackCallException e) {
      LOG.warn("chat.stopStream in {} failed ({}); replacing the text", to.channel(), e.error());
      return false;
    }
  }

  /**
   * A confirmation request: the text with Run and Cancel under it ({@link SlackConfirmBlocks}), in
   * the message the placeholder or stream took, else posted.
   */
  @Override
  public synchronized String confirm(String text, String pendingId) {
    try {
      takeOver();
      stopResumedStream();
      String mrkdwn = SlackMrkdwnRenderer.render(text);
      String blocks = SlackConfirmBlocks.blocks(mrkdwn, pendingId);
      if (to.isCommand()) {
        api.respond(to.responseUrl(), mrkdwn, blocks);
        return null;
      }
      if (stream != null) {
        finishStream(text, null);
        return messages().withBlocks(stream.ts(), mrkdwn, blocks);
      }
      return messages().withBlocks(messageTs, mrkdwn, blocks);
    } finally {
      clearStatus();
    }
  }

  /**
   * A summary as Block Kit, with its plain text as the notification text ({@link
   * SlackAnswerMessages}).
   */
  @Override
  public synchronized String summary(Summary summary) {
    try {
      takeOver();
      stopResumedStream();
      return messages().summary(summary, messageTs);
    } finally {
      clearStatus();
    }
  }

  /**
   * The answer to a top-level DM, which starts an agent thread of its own (named by the question's
   * ts, as {@link SlackAgentSurface#started} names it first).
   */
  @Override
  public boolean takesTitle() {
    return !to.isCommand() && streamsNatively() && to.threadTs() == null && to.askedTs() != null;
  }

  @Override
  public void title(String title) {
    SlackThreadTitle.rename(api, to.channel(), to.askedTs(), title);
  }
}
