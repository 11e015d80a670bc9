package dev.cria.chat;

import java.time.Duration;
import java.util.Optional;

/** The outbound port: how the core answers on one platform. Each platform adapter provides one. */
public interface ReplyPort {

  Platform platform();

  /**
   * Opens the reply to one attempt at one event. When the request {@linkplain
   * ReplyRequest#takesOver() takes over} from an earlier attempt, the adapter finds the messages
   * that attempt left (recorded or not), reuses one for the answer and removes the others, so that
   * the conversation ends with exactly one answer.
   */
  Reply open(ReplyRequest request);

  /**
   * Opens the reply to an event without its id (tests, tools).
   *
   * @param resumeMessageId a message an earlier attempt at this event already posted, to be edited
   *     instead of posting a new one; null on the first attempt
   */
  default Reply open(String replyAddress, String resumeMessageId) {
    return open(
        new ReplyRequest(replyAddress, null, resumeMessageId == null ? 1 : 2, resumeMessageId));
  }

  /**
   * Tells the event's author something only they see (Slack: {@code chat.postEphemeral}, or the
   * slash command's response URL). Called off the ack path; the default shows nothing.
   */
  default void tellPrivately(ChatEvent event, String text) {}

  /**
   * Whether the event's author administers the workspace: a Slack workspace admin or owner, or a
   * Discord member with Manage Server. May call the platform; called after the ack.
   */
  default boolean managesWorkspace(ChatEvent event) {
    return false;
  }

  /**
   * The name the platform shows for the event's author, when the event came without one (Slack's
   * {@code users.info}). Called by the worker, after the ack; the default knows no more than the
   * event.
   */
  default Optional<String> authorName(ChatEvent event) {
    return Optional.ofNullable(event.author().displayName());
  }

  /** The shortest time between two progressive updates this platform tolerates. */
  default Duration updateInterval() {
    return Duration.ofSeconds(1);
  }
}
