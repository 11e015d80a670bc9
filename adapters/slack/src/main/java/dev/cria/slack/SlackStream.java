package dev.cria.slack;

/**
 * One answer streamed with {@code chat.startStream} / {@code appendStream} / {@code stopStream}.
 * Only whole words are sent, never an unfinished {@code <...>}, so text once appended never has to
 * change; and only while the answer fits one message, so a long answer can still be split.
 */
final class SlackStream {

  private final SlackWebApi api;
  private final String channel;
  private final String ts;
  private final String eventId;
  private String sent = "";

  private SlackStream(SlackWebApi api, String channel, String ts, String eventId) {
    this.api = api;
    this.channel = channel;
    this.ts = ts;
    this.eventId = eventId;
  }

  /**
   * Starts an empty stream: its ts is known, and can be recorded, before any text is in it.
   *
   * @param eventId the event it answers, for the tag the message gets when it is stopped
   */
  static SlackStream open(SlackWebApi api, SlackReplyAddress to, String eventId) {
    return new SlackStream(api, to.channel(), api.startStream(to), eventId);
  }

  String ts() {
    return ts;
  }

  /** Appends what the answer gained since the last call, if it can be appended safely. */
  void append(String markdownSoFar) {
    String text = streamable(markdownSoFar);
    if (text.length() > sent.length() && text.startsWith(sent)) {
      api.appendStream(channel, ts, text.substring(sent.length()));
      sent = text;
    }
  }

  /**
   * Ends the stream with the final answer when the streamed text is its beginning and it fits one
   * message.
   *
   * @param blocks blocks to add under the text (feedback buttons), or null
   * @return false when the answer has to replace the streamed text instead (the stream is then
   *     stopped as it is)
   */
  boolean finish(String markdown, String blocks) {
    String text = SlackMentionGuard.markdown(markdown).strip();
    if (text.startsWith(sent) && text.length() <= SlackMessageSplitter.MESSAGE_LIMIT) {
      api.stopStream(channel, ts, text.substring(sent.length()), blocks, eventId);
      return true;
    }
    api.stopStream(channel, ts, "", eventId);
    return false;
  }

  /** The part of the answer that can be streamed now: up to the last whitespace, guarded. */
  static String streamable(String markdownSoFar) {
    String text = SlackMentionGuard.markdown(markdownSoFar.stripLeading());
    int end = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\n')) + 1;
    String prefix = text.substring(0, end);
    int open = prefix.lastIndexOf('<');
    if (open > prefix.lastIndexOf('>')) {
      prefix = prefix.substring(0, open);
    }
    return prefix.length() <= SlackMessageSplitter.MESSAGE_LIMIT ? prefix : "";
  }
}
