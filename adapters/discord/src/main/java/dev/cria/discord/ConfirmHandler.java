package dev.cria.discord;

import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on Run or Cancel: acked by a deferred edit (the request stays as it is), then handed to
 * the core as a {@link dev.cria.chat.Command.ConfirmTool}, which decides whether it counts and
 * tells the clicker privately when not. A bot's click is acked and ignored.
 */
final class ConfirmHandler {

  static final String UNKNOWN =
      "That request is no longer stored, so the tool was not run. Ask again instead.";
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmHandler.class);

  private final ConversationService conversations;

  ConfirmHandler(ConversationService conversations) {
    this.conversations = conversations;
  }

  void clicked(ButtonInteractionEvent event, ConfirmButtons.Click click) {
    try {
      event.deferEdit().complete();
    } catch (ErrorResponseException e) {
      LOG.warn("Could not defer a tool confirmation click {}: {}", event.getId(), e.getMeaning());
      return;
    }
    if (event.getUser().isBot() || event.getUser().isSystem()) {
      LOG.info("A tool confirmation click by a bot, ignored");
      return;
    }
    try {
      var chat =
          ConfirmButtons.toEvent(event.getRawData().getObject("d"), event.getMessageId(), click);
      Acceptance acceptance = conversations.accept(chat);
      LOG.info("Tool confirmation {}: {}", chat.eventId(), acceptance);
      if (acceptance == Acceptance.IGNORED) {
        // The core found no conversation holding the request (retention, a reset).
        event.getHook().sendMessage(UNKNOWN).setEphemeral(true).queue();
      }
    } catch (RuntimeException e) {
      LOG.error("Could not accept a tool confirmation click", e);
      event.getHook().sendMessage(SlashCommandHandler.NOT_TAKEN).setEphemeral(true).queue();
    }
  }
}
