package dev.cria.fakes;

/**
 * A message as the fake Slack holds it: posted with {@code chat.postMessage}, streamed with {@code
 * chat.startStream}, or a slash command's {@code response_url} reply (channel {@code response_url},
 * ephemeral).
 */
public final class FakeSlackMessage {

  private final String channel;
  private final String ts;
  private final String threadTs;
  private final boolean streamed;
  private volatile String text;
  private volatile boolean streaming;
  private volatile int edits;
  private volatile String metadata;

  FakeSlackMessage(String channel, String ts, String threadTs, String text, boolean streamed) {
    this.channel = channel;
    this.ts = ts;
    this.threadTs = threadTs;
    this.text = text == null ? "" : text;
    this.streamed = streamed;
    this.streaming = streamed;
  }

  public String channel() {
    return channel;
  }

  public String ts() {
    return ts;
  }

  /** The thread it was posted in, or null for a top-level message. */
  public String threadTs() {
    return threadTs;
  }

  public String text() {
    return text;
  }

  /** Whether it began as a {@code chat.startStream} message. */
  public boolean streamed() {
    return streamed;
  }

  /** True until {@code chat.stopStream}. */
  public boolean streaming() {
    return streaming;
  }

  /** How many times {@code chat.update} changed it. */
  public int edits() {
    return edits;
  }

  /**
   * The message metadata it carries, as Slack returns it ({@code {"event_type":...,
   * "event_payload":{...}}}), or null.
   */
  public String metadata() {
    return metadata;
  }

  /** Sets the metadata a call carried; a call without any leaves it as it was, as in Slack. */
  void metadata(String json) {
    if (json != null && !json.isBlank()) {
      metadata = json;
    }
  }

  synchronized void append(String more) {
    text = text + (more == null ? "" : more);
  }

  synchronized void replace(String newText) {
    text = newText;
    edits++;
  }

  void stop() {
    streaming = false;
  }

  @Override
  public String toString() {
    return "FakeSlackMessage["
        + channel
        + " "
        + ts
        + " thread="
        + threadTs
        + " "
        + text.length()
        + " chars]";
  }
}
