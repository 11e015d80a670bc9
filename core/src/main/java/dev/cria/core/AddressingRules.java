package dev.cria.core;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.util.Optional;

/**
 * Who Cria answers, decided once for every platform from what the adapter read off the message
 * ({@link Addressing}, the author's bot flag, the text and the attachments). The rules, in order:
 *
 * <ol>
 *   <li>Bots, Cria included, are never answered.
 *   <li>A direct message, a slash command or a playground message is always for Cria.
 *   <li>In a thread: a mention of Cria, or any message once Cria takes part in the thread (a
 *       follow-up).
 *   <li>At the top level of a channel: a reply to one of Cria's messages continues that message's
 *       conversation (a reply chain); otherwise a mention starts the conversation the adapter
 *       named.
 *   <li>A message that neither mentions Cria nor is written to it, with no text and no attachment,
 *       is not answered: it is what a platform sends when Cria may not read the text (Discord
 *       without the Message Content intent).
 *   <li>A mention or a direct message with no text and no attachment asks for help; one with an
 *       attachment and no text is a question about the attachment.
 * </ol>
 */
public final class AddressingRules {

  /** What Cria remembers of earlier conversations: enough to tell follow-ups and reply chains. */
  public interface Memory {

    /** Whether Cria has taken part in this conversation (so follow-ups need no mention). */
    boolean isActive(ConversationKey conversation);

    /** The conversation a message Cria posted belongs to, for reply chains. */
    Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId);
  }

  private final Memory memory;

  public AddressingRules(Memory memory) {
    this.memory = memory;
  }

  /**
   * The event as Cria takes it (in the conversation it continues, a bare mention as a request for
   * help), or empty when it is not for Cria.
   */
  public Optional<ChatEvent> forCria(ChatEvent event) {
    if (event.author().bot()) {
      return Optional.empty();
    }
    Addressing addressing = event.addressing();
    boolean toCria = addressing.mentioned() || addressing.place() == Addressing.Place.DIRECT;
    if (!toCria && saysNothing(event)) {
      return Optional.empty();
    }
    Optional<ChatEvent> taken =
        switch (addressing.place()) {
          case DIRECT -> Optional.of(event);
          case THREAD ->
              addressing.mentioned() || memory.isActive(event.conversation())
                  ? Optional.of(event)
                  : Optional.empty();
          case CHANNEL ->
              replyChain(event.platform(), addressing)
                  .map(event::inConversation)
                  .or(() -> addressing.mentioned() ? Optional.of(event) : Optional.empty());
        };
    return taken.map(AddressingRules::helpWhenEmpty);
  }

  /**
   * The conversation a message belongs to when it is edited: the reply chain it continues, or else
   * the one the adapter named.
   */
  public ConversationKey conversationOf(ConversationKey named, Addressing addressing) {
    return replyChain(named.platform(), addressing).orElse(named);
  }

  private Optional<ConversationKey> replyChain(Platform platform, Addressing addressing) {
    if (addressing.place() != Addressing.Place.CHANNEL || addressing.repliesTo() == null) {
      return Optional.empty();
    }
    return memory.conversationOfMessage(platform, addressing.repliesTo());
  }

  private static boolean saysNothing(ChatEvent event) {
    return event.command() == null && event.text().isBlank() && event.attachments().isEmpty();
  }

  /** Rather than ask the model about nothing, say what Cria can do. */
  private static ChatEvent helpWhenEmpty(ChatEvent event) {
    return saysNothing(event) ? event.withCommand(new Command.Help()) : event;
  }
}
