package dev.cria.core;

import dev.cria.chat.ChatEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the author of a user turn whose event came without a name (Slack events often carry only
 * the user id): the name is asked of the platform ({@link dev.cria.chat.ReplyPort#authorName})
 * here, in the worker, never before the ack, and kept with the turn so later history shows it.
 */
final class AuthorNames {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorNames.class);

  private final ReplyPorts replyPorts;
  private final ConversationStore store;

  AuthorNames(ReplyPorts replyPorts, ConversationStore store) {
    this.replyPorts = replyPorts;
    this.store = store;
  }

  /** The event with its author named, or as it was when no name is to be had. */
  QueuedEvent named(QueuedEvent queued) {
    ChatEvent event = queued.event();
    if (event.author().displayName() != null || event.command() != null) {
      // Commands store no turn, and their answers name nobody.
      return queued;
    }
    Optional<String> name;
    try {
      name = replyPorts.forPlatform(event.platform()).flatMap(port -> port.authorName(event));
      if (name.isPresent()) {
        store.nameAuthor(queued.seq(), name.get());
      }
    } catch (RuntimeException e) {
      // A name is a courtesy to the model: without it the answer still goes out.
      LOG.warn("Could not name the author of event {}: {}", event.eventId(), e.toString());
      return queued;
    }
    return name.map(
            found ->
                new QueuedEvent(
                    queued.seq(),
                    event.withAuthorName(found),
                    queued.attempts(),
                    queued.replyMessageId()))
        .orElse(queued);
  }
}
