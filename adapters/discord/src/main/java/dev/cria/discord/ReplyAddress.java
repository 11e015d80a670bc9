package dev.cria.discord;

import java.util.Objects;

/**
 * Where an answer goes, encoded into {@link dev.cria.chat.ChatEvent#replyAddress()}: the
 * interaction whose deferred reply it fills (valid 15 minutes), or a channel, optionally as a reply
 * to one message. The interaction token is the last part so that nothing in it needs escaping.
 */
sealed interface ReplyAddress {

  String encode();

  static ReplyAddress decode(String text) {
    String[] parts = text.split(":", 4);
    if (parts.length == 4 && parts[0].equals(ToInteraction.PREFIX)) {
      return new ToInteraction(parts[1], parts[2], parts[3]);
    }
    if (parts.length == 4 && parts[0].equals(ToInteraction.WEBHOOK_ONLY_PREFIX)) {
      return new ToInteraction(parts[1], parts[2], parts[3], true);
    }
    if (parts.length == 4 && parts[0].equals(ToInteraction.FOLLOW_UP_PREFIX)) {
      return new ToInteraction(parts[1], parts[2], parts[3], false, true);
    }
    if (parts.length == 4 && parts[0].equals(ToChannel.PREFIX)) {
      return new ToChannel(parts[1], orNull(parts[2]), orNull(parts[3]));
    }
    throw new IllegalArgumentException("not a Discord reply address");
  }

  private static String orNull(String part) {
    return part.equals("-") ? null : part;
  }

  /**
   * The deferred reply of a slash command.
   *
   * @param webhookOnly Cria is installed to the user only ({@link InstallContext}): nothing but the
   *     interaction's webhook reaches the channel
   * @param followUp the answer is a new follow-up message, not the interaction's own message (a Run
   *     click, whose own message is the confirmation request)
   */
  record ToInteraction(
      String interactionId, String channelId, String token, boolean webhookOnly, boolean followUp)
      implements ReplyAddress {
    static final String PREFIX = "interaction";
    static final String WEBHOOK_ONLY_PREFIX = "webhook";
    static final String FOLLOW_UP_PREFIX = "followup";

    public ToInteraction {
      Objects.requireNonNull(interactionId, "interactionId");
      Objects.requireNonNull(channelId, "channelId");
      Objects.requireNonNull(token, "token");
    }

    ToInteraction(String interactionId, String channelId, String token) {
      this(interactionId, channelId, token, false);
    }

    ToInteraction(String interactionId, String channelId, String token, boolean webhookOnly) {
      this(interactionId, channelId, token, webhookOnly, false);
    }

    /** A webhook-only install has one way in, the click's own message: no follow-up there. */
    @Override
    public String encode() {
      String prefix = webhookOnly ? WEBHOOK_ONLY_PREFIX : followUp ? FOLLOW_UP_PREFIX : PREFIX;
      return String.join(":", prefix, interactionId, channelId, token);
    }

    @Override
    public String toString() {
      return "ToInteraction[" + interactionId + " in " + channelId + "]";
    }
  }

  /**
   * A message in a channel.
   *
   * @param replyTo the message the answer replies to, or null
   * @param dmUserId for DMs, the user at the other end (to reopen the DM channel after a restart)
   */
  record ToChannel(String channelId, String replyTo, String dmUserId) implements ReplyAddress {
    static final String PREFIX = "channel";

    public ToChannel {
      Objects.requireNonNull(channelId, "channelId");
    }

    @Override
    public String encode() {
      return String.join(
          ":",
          PREFIX,
          channelId,
          replyTo == null ? "-" : replyTo,
          dmUserId == null ? "-" : dmUserId);
    }
  }
}
