package dev.cria.discord;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one slash command: defers it first (Discord's 3-second rule; the user sees "Cria is
 * thinking…"), opens a thread for {@code /chat}, then hands the event to the core, which fills the
 * deferred reply.
 */
final class SlashCommandHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SlashCommandHandler.class);
  static final String NOT_TAKEN = "Sorry, I could not take that in. Please try again in a minute.";

  private final ConversationService conversations;
  private final DiscordEventMapper mapper;

  SlashCommandHandler(ConversationService conversations, DiscordEventMapper mapper) {
    this.conversations = conversations;
    this.mapper = mapper;
  }

  /**
   * A slash command, or the message context-menu command {@value DiscordSlashCommands#ASK_CRIA}.
   */
  void handle(GenericCommandInteractionEvent event) {
    if (refused(event)) {
      return;
    }
    try {
      event.deferReply().complete();
    } catch (ErrorResponseException e) {
      // Acknowledged elsewhere (another process on this shard) or already expired.
      LOG.warn("Could not defer /{} {}: {}", event.getName(), event.getId(), e.getMeaning());
      return;
    }
    // Where Cria is installed to the user only, it cannot open a thread: /chat answers in place.
    String threadId =
        event instanceof SlashCommandInteractionEvent slash
                && event.getName().equals(DiscordSlashCommands.CHAT)
                && !InstallContext.webhookOnly(event.getRawData().getObject("d"))
            ? openThread(slash)
            : null;
    ChatEvent chat;
    try {
      chat = mapper.interaction(event.getRawData().getObject("d"), threadId);
    } catch (IllegalArgumentException e) {
      LOG.warn("/{} {} could not be read: {}", event.getName(), event.getId(), e.getMessage());
      event.getHook().editOriginal(OutgoingMessages.edit(NOT_TAKEN)).queue();
      return;
    }
    MDC.put("conversation", chat.conversation().toString());
    MDC.put("event", chat.eventId());
    try {
      Acceptance acceptance = conversations.accept(chat);
      LOG.debug("/{} {}", event.getName(), acceptance);
      if (acceptance == Acceptance.IGNORED) {
        event.getHook().editOriginal(OutgoingMessages.edit("There is nothing to answer.")).queue();
      }
    } catch (RuntimeException e) {
      LOG.error("Could not accept /{}", event.getName(), e);
      event.getHook().editOriginal(OutgoingMessages.edit(NOT_TAKEN)).queue();
    } finally {
      MDC.remove("conversation");
      MDC.remove("event");
    }
  }

  /**
   * Whether the user may not use Cria here ({@code CRIA_ALLOW_*}): then the command gets an
   * ephemeral notice instead of a deferral, every time, since Discord wants an answer to every
   * interaction, and nothing is stored.
   */
  private boolean refused(GenericCommandInteractionEvent event) {
    Optional<String> notice;
    try {
      notice = conversations.refusal(mapper.interaction(event.getRawData().getObject("d"), null));
    } catch (IllegalArgumentException e) {
      return false; // unreadable: handled, and told, below
    }
    notice.ifPresent(text -> event.reply(text).setEphemeral(true).queue());
    return notice.isPresent();
  }

  /**
   * Opens a public thread under the deferred reply, which now shows the prompt. Returns null (the
   * answer then goes into the reply itself) where no thread can be opened: in a thread, a DM, or
   * without the permission.
   */
  private String openThread(SlashCommandInteractionEvent event) {
    if (!(event.getChannel() instanceof IThreadContainer container)
        || event.getChannel() instanceof ThreadChannel) {
      return null;
    }
    String prompt = event.getOption("prompt", "", option -> option.getAsString());
    try {
      Message starter =
          event
              .getHook()
              .editOriginal(
                  OutgoingMessages.edit(
                      ThreadNames.starter(event.getUser().getEffectiveName(), prompt)))
              .complete();
      return container
          .createThreadChannel(ThreadNames.of(prompt), starter.getIdLong())
          .complete()
          .getId();
    } catch (RuntimeException e) {
      LOG.warn("Could not open a thread for /chat {}; answering in place", event.getId(), e);
      return null;
    }
  }
}
