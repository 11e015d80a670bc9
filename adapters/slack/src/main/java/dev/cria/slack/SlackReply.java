package dev.cria.slack;

import dev.cria.chat.Reply;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer in Slack. Thinking: {@code assistant.threads.setStatus} in threads, else a placeholder
 * message. Progress: a native stream in threads, else edits of the placeholder. Finish: the
 * rendered answer replaces the placeholder or completes the stream; answers too long for one
 * message continue in further thread messages. Resumed after a crash, it first stops the stream the
 * earlier attempt may have left open, then edits that message.
 */
final class SlackReply implements Reply {

  static final String THINKING_STATUS = "is thinking…";
  static final String THINKING_MESSAGE = ":hourglass_flowing_sand: _Thinking…_";

  private static final Logger LOG = LoggerFactory.getLogger(SlackReply.class);

  private final SlackWebApi api;
  private final SlackReplyAddress to;
  private final SlackStreaming streaming;
  private String messageTs;
  private SlackStream stream;
  private Instant quietUntil = Instant.MIN;
  private boolean resumed;

  SlackReply(SlackWebApi api, SlackReplyAddress to, SlackStreaming streaming, String resumeTs) {
    this.api = api;
    this.to = to;
    this.streaming = streaming;
    this.messageTs = resumeTs;
    this.resumed = resumeTs != null;
  }

  @Override
  public synchronized String start() {
    stopResumedStream();
    if (to.isCommand() || messageTs != null) {
      return messageTs;
    }
    if (to.threadTs() != null) {
      try {
        api.setStatus(to.channel(), to.threadTs(), THINKING_STATUS);
        return null;
      } catch (SlackCallException e) {
        LOG.debug("No thinking status in {} ({}), posting a placeholder", to.channel(), e.error());
      }
    }
    messageTs = api.postMessage(to.channel(), to.threadTs(), THINKING_MESSAGE);
    return messageTs;
  }

  @Override
  public synchronized void update(String textSoFar) {
    stopResumedStream();
    if (to.isCommand() || Instant.now().isBefore(quietUntil)) {
      return;
    }
    try {
      if (stream != null) {
        stream.append(textSoFar);
      } else if (messageTs == null && to.threadTs() != null && streaming.available()) {
        startStream(textSoFar);
      } else if (messageTs != null) {
        api.update(to.channel(), messageTs, SlackMessageSplitter.preview(textSoFar), true);
      } else {
        messageTs =
            api.postMessage(to.channel(), to.threadTs(), SlackMessageSplitter.preview(textSoFar));
      }
    } catch (SlackCallException e) {
      LOG.warn(
          "Progress update in {} failed ({}); the final answer follows", to.channel(), e.error());
      if (e.retryAfter() != null) {
        quietUntil = Instant.now().plus(e.retryAfter());
      }
    }
  }

  private void startStream(String textSoFar) {
    try {
      stream = SlackStream.start(api, to, textSoFar);
    } catch (SlackCallException e) {
      streaming.failed(e);
      messageTs =
          api.postMessage(to.channel(), to.threadTs(), SlackMessageSplitter.preview(textSoFar));
    }
  }

  @Override
  public synchronized String messageId() {
    return stream != null ? stream.ts() : messageTs;
  }

  /**
   * The message an earlier attempt left may be a stream it never stopped (it crashed mid-answer):
   * stop it, so that it can be edited like a placeholder. A placeholder answers with an error.
   */
  private void stopResumedStream() {
    if (!resumed) {
      return;
    }
    resumed = false;
    try {
      api.stopStream(to.channel(), messageTs, "");
      LOG.info("Stopped the stream an earlier attempt left in {}", to.channel());
    } catch (SlackCallException e) {
      LOG.debug("Resumed message {} was no open stream ({})", messageTs, e.error());
    }
  }

  @Override
  public synchronized String finish(String text) {
    stopResumedStream();
    if (to.isCommand()) {
      for (String message : SlackMessageSplitter.messages(text)) {
        api.respond(to.responseUrl(), message);
      }
      return null;
    }
    List<String> messages = SlackMessageSplitter.messages(text);
    if (stream != null) {
      if (finishStream(text)) {
        return stream.ts();
      }
      return replace(stream.ts(), messages);
    }
    return messageTs != null ? replace(messageTs, messages) : post(messages);
  }

  private boolean finishStream(String text) {
    try {
      return stream.finish(text);
    } catch (SlackCallException e) {
      LOG.warn("chat.stopStream in {} failed ({}); replacing the text", to.channel(), e.error());
      return false;
    }
  }

  /** Puts the first message where the placeholder or stream was, the rest after it. */
  private String replace(String ts, List<String> messages) {
    try {
      api.update(to.channel(), ts, messages.getFirst(), false);
    } catch (SlackCallException e) {
      if (e.isTransient()) {
        throw e;
      }
      LOG.info("Could not edit message {} in {} ({}), posting anew", ts, to.channel(), e.error());
      return post(messages);
    }
    post(messages.subList(1, messages.size()));
    return ts;
  }

  private String post(List<String> messages) {
    String first = null;
    for (String message : messages) {
      String ts = api.postMessage(to.channel(), to.threadTs(), message);
      first = first == null ? ts : first;
    }
    return first;
  }
}
