package dev.cria.discord;

import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on Regenerate: acked by a deferred edit (the message stays until the new answer replaces
 * it), then handed to the core as a {@link dev.cria.chat.Command.Regenerate}, which finds the
 * answer's conversation, decides whether it may be regenerated and tells the presser privately when
 * not. A bot's click is acked and ignored.
 */
final class RegenerateHandler {

  static final String UNKNOWN =
      "That answer is no longer stored, so it cannot be regenerated. Ask again instead.";
  private static final Logger LOG = LoggerFactory.getLogger(RegenerateHandler.class);

  private final ConversationService conversations;

  RegenerateHandler(ConversationService conversations) {
    this.conversations = conversations;
  }

  void clicked(ButtonInteractionEvent event, String answerMessageId) {
    try {
      event.deferEdit().complete();
    } catch (ErrorResponseException e) {
      LOG.warn("Could not defer a Regenerate click {}: {}", event.getId(), e.getMeaning());
      return;
    }
    if (event.getUser().isBot() || event.getUser().isSystem()) {
      LOG.info("A Regenerate click by a bot, ignored");
      return;
    }
    try {
      var chat = RegenerateButton.toEvent(event.getRawData().getObject("d"), answerMessageId);
      Acceptance acceptance = conversations.accept(chat);
      LOG.info("Regenerate {}: {}", chat.eventId(), acceptance);
      if (acceptance == Acceptance.IGNORED) {
        // The core found no conversation holding that answer (retention, a reset).
        event.getHook().sendMessage(UNKNOWN).setEphemeral(true).queue();
      }
    } catch (RuntimeException e) {
      LOG.error("Could not accept a Regenerate click", e);
      event.getHook().sendMessage(SlashCommandHandler.NOT_TAKEN).setEphemeral(true).queue();
    }
  }
}
