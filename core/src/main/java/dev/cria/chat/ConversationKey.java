package dev.cria.chat;

import java.util.Objects;

/**
 * Names one conversation: a platform, a workspace (Slack team, Discord guild or {@code @me} for
 * DMs), a channel and, for threaded conversations, the thread. Formatted as {@code
 * platform:workspace:channel[:thread]}, e.g. {@code slack:T1:C1:1700000000.000100} or {@code
 * discord:@me:C9}.
 */
public record ConversationKey(Platform platform, String workspace, String channel, String thread) {

  public ConversationKey {
    Objects.requireNonNull(platform, "platform");
    requirePart("workspace", workspace);
    requirePart("channel", channel);
    if (thread != null) {
      requirePart("thread", thread);
    }
  }

  public static ConversationKey of(Platform platform, String workspace, String channel) {
    return new ConversationKey(platform, workspace, channel, null);
  }

  public static ConversationKey parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new IllegalArgumentException("not a conversation key: " + text);
    }
    return new ConversationKey(
        Platform.fromId(parts[0]), parts[1], parts[2], parts.length == 4 ? parts[3] : null);
  }

  /** The same conversation in the given thread. */
  public ConversationKey inThread(String threadId) {
    return new ConversationKey(platform, workspace, channel, threadId);
  }

  /** The channel this conversation lives in: the key without its thread. */
  public ConversationKey channelKey() {
    return thread == null ? this : new ConversationKey(platform, workspace, channel, null);
  }

  public boolean isThread() {
    return thread != null;
  }

  /**
   * Whether this is a direct message with Cria: a Slack DM channel (its id starts with {@code D})
   * or a Discord DM (workspace {@code @me}).
   */
  public boolean isDirect() {
    return switch (platform) {
      case SLACK -> channel.startsWith("D");
      case DISCORD -> workspace.equals("@me");
      case WEB -> false;
    };
  }

  @Override
  public String toString() {
    String base = platform.id() + ":" + workspace + ":" + channel;
    return thread == null ? base : base + ":" + thread;
  }

  private static void requirePart(String name, String value) {
    if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
      throw new IllegalArgumentException(name + " must be non-blank without ':' but was " + value);
    }
  }
}
