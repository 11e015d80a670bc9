package dev.cria.discord;

import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the JDA events Cria handles and passes each to its handler. Runs on the event pool's
 * virtual threads, so handlers may block.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordListener extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
  private static final Duration AUTOCOMPLETE_BUDGET = Duration.ofSeconds(2);

  private final ConversationService conversations;
  private final SlashCommandHandler slashCommands;
  private final MessageHandler messages;
  private final RegenerateHandler regenerations;
  private final ConfirmHandler confirmations;

  public DiscordListener(ConversationService conversations) {
    this.conversations = conversations;
    DiscordEventMapper mapper = new DiscordEventMapper();
    this.slashCommands = new SlashCommandHandler(conversations, mapper);
    this.messages = new MessageHandler(conversations, mapper);
    this.regenerations = new RegenerateHandler(conversations);
    this.confirmations = new ConfirmHandler(conversations);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    slashCommands.handle(event);
  }

  @Override
  public void onMessageContextInteraction(MessageContextInteractionEvent event) {
    if (event.getName().equals(DiscordSlashCommands.ASK_CRIA)
        || event.getName().equals(DiscordSlashCommands.SUMMARIZE_THREAD)) {
      slashCommands.handle(event);
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getName().equals(DiscordSlashCommands.MODEL)) {
      return;
    }
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    try {
      // Discord waits 3 seconds for the choices; a slow model API must not make it give up.
      List<String> available =
          CompletableFuture.supplyAsync(
                  conversations::availableModels, task -> Thread.ofVirtual().start(task))
              .get(AUTOCOMPLETE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
      List<String> models =
          available.stream()
              .filter(model -> model.toLowerCase(Locale.ROOT).contains(typed))
              .filter(model -> model.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH)
              .limit(OptionData.MAX_CHOICES)
              .toList();
      event.replyChoiceStrings(models).queue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("Could not list models for /model autocompletion: {}", e.toString());
      event.replyChoices(List.of()).queue();
    }
  }

  /**
   * A click on an answer's 👍/👎: acked by a deferred edit (the message stays as it is), then
   * stored. Only people vote; a bot's click is acked and ignored.
   */
  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    var confirm = ConfirmButtons.parse(event.getComponentId());
    if (confirm.isPresent()) {
      confirmations.clicked(event, confirm.get());
      return;
    }
    var regenerate = RegenerateButton.parse(event.getComponentId());
    if (regenerate.isPresent()) {
      regenerations.clicked(event, regenerate.get());
      return;
    }
    var vote = FeedbackButtons.parse(event.getComponentId());
    if (vote.isEmpty()) {
      return;
    }
    event.deferEdit().queue();
    if (event.getUser().isBot() || event.getUser().isSystem()) {
      LOG.info("A feedback click by a bot, ignored");
      return;
    }
    if (!conversations.feedback(
        Platform.DISCORD,
        vote.get().answerMessageId(),
        event.getUser().getId(),
        vote.get().rating())) {
      LOG.info("Feedback on a Discord message that holds no stored answer, skipped");
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    messages.received(event);
  }

  @Override
  public void onMessageUpdate(MessageUpdateEvent event) {
    messages.updated(event);
  }

  @Override
  public void onMessageDelete(MessageDeleteEvent event) {
    messages.deleted(event);
  }
}
