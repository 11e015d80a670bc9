package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The shared commands. A command in a thread changes that thread; outside a thread (a slash
 * command, or the words after a mention that starts a thread) it changes the channel's defaults,
 * which only channel admins may do ({@link ChannelAdmins}); DMs belong to the person in them. A new
 * system prompt is moderated before it is stored. Returns the Markdown to show.
 */
@Singleton
class CommandHandler {

  static final int MAX_SYSTEM_PROMPT = 4000;

  private final ConversationStore store;
  private final ChatModel model;
  private final ModelDefaults modelDefaults;
  private final ConversationDefaults defaults;
  private final ChannelAdmins admins;
  private final ModerationGate moderation;

  CommandHandler(
      ConversationStore store,
      ChatModel model,
      ModelDefaults modelDefaults,
      ConversationDefaults defaults,
      ChannelAdmins admins,
      ModerationGate moderation) {
    this.store = store;
    this.model = model;
    this.modelDefaults = modelDefaults;
    this.defaults = defaults;
    this.admins = admins;
    this.moderation = moderation;
  }

  String handle(QueuedEvent queued) {
    ChatEvent event = queued.event();
    return switch (event.command()) {
      case Command.Reset reset -> reset(event.conversation(), queued.seq());
      case Command.Model change -> model(event, change.modelId());
      case Command.SystemPrompt prompt -> systemPrompt(queued, prompt.prompt());
      case Command.Help help -> help();
      case Command.Usage usage -> usage(event);
      case Command.Regenerate regenerate ->
          throw new IllegalStateException("Regenerate is answered by the pipeline");
      case Command.Summarize summarize ->
          throw new IllegalArgumentException("summarize is answered by the Summarizer");
      case Command.ConfirmTool confirm ->
          throw new IllegalStateException("a tool confirmation is answered by ToolConfirmation");
    };
  }

  /** The settings in force: the thread's, else the channel's, else the configuration's. */
  Settings effective(ConversationKey key) {
    Settings configured =
        new Settings(
            modelDefaults.model(),
            defaults.systemPrompt(),
            defaults.temperature(),
            defaults.maxCompletionTokens());
    Settings channel = key.isThread() ? store.settings(key.channelKey()) : Settings.NONE;
    return store.settings(key).orElse(channel).orElse(configured);
  }

  private String reset(ConversationKey key, long seq) {
    int forgotten = store.reset(key, seq);
    return "Done: I forgot "
        + forgotten
        + (forgotten == 1 ? " message" : " messages")
        + " of this conversation. The next message starts fresh.";
  }

  /**
   * What a settings command changes: the thread it was written in, or the channel when the command
   * itself starts the thread (a mention in a channel: the thread is named by the message).
   */
  static ConversationKey scopeOf(ChatEvent event) {
    ConversationKey key = event.conversation();
    boolean startsThread = key.isThread() && key.thread().equals(event.messageId());
    return startsThread && !key.isDirect() ? key.channelKey() : key;
  }

  /** Channel-wide changes need a channel admin; threads and DMs are their participants'. */
  private Optional<String> refusedChange(ChatEvent event, ConversationKey key) {
    if (key.isThread() || key.isDirect() || admins.mayConfigure(event)) {
      return Optional.empty();
    }
    return Optional.of(ReplyTexts.notChannelAdmin());
  }

  private String model(ChatEvent event, String requested) {
    ConversationKey key = scopeOf(event);
    if (requested == null) {
      String available = availableList().map(list -> " Available: " + list + ".").orElse("");
      return "Using `"
          + effective(key).model()
          + "` "
          + scope(key)
          + "."
          + available
          + " Change it with `model <id>`.";
    }
    Optional<String> refused = refusedChange(event, key);
    if (refused.isPresent()) {
      return refused.get();
    }
    List<String> models;
    try {
      models = model.models();
    } catch (ModelException e) {
      return "I couldn't get the list of models from the API just now, so I can't check `"
          + requested
          + "`. Try again in a minute.";
    }
    // Ollama lists llama3.2 as llama3.2:latest; a name without a tag means that one.
    Optional<String> match =
        models.stream()
            .filter(
                id -> id.equalsIgnoreCase(requested) || id.equalsIgnoreCase(requested + ":latest"))
            .findFirst();
    if (match.isEmpty()) {
      return "I don't know the model `"
          + requested
          + "`. Available: "
          + String.join(", ", models)
          + ".";
    }
    Settings current = store.settings(key);
    store.saveSettings(
        key,
        new Settings(
            match.get(),
            current.systemPrompt(),
            current.temperature(),
            current.maxCompletionTokens()),
        event.author().id());
    return "Switched to `" + match.get() + "` " + scope(key) + ".";
  }

  private String systemPrompt(QueuedEvent queued, String prompt) {
    ChatEvent event = queued.event();
    ConversationKey key = scopeOf(event);
    if (prompt == null) {
      return "The system prompt " + scope(key) + " is:\n> " + effective(key).systemPrompt();
    }
    if (prompt.length() > MAX_SYSTEM_PROMPT) {
      return "That system prompt is too long ("
          + prompt.length()
          + " characters; at most "
          + MAX_SYSTEM_PROMPT
          + ").";
    }
    Optional<String> refused = refusedChange(event, key);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!prompt.isEmpty()) {
      Optional<String> flagged;
      try {
        flagged = moderation.checkSystemPrompt(queued, prompt);
      } catch (ModerationGate.ModerationUnavailable e) {
        return ReplyTexts.moderationUnavailable();
      }
      if (flagged.isPresent()) {
        return flagged.get();
      }
    }
    Settings current = store.settings(key);
    String stored = prompt.isEmpty() ? null : prompt;
    store.saveSettings(
        key,
        new Settings(current.model(), stored, current.temperature(), current.maxCompletionTokens()),
        event.author().id());
    return stored == null
        ? "Cleared the system prompt " + scope(key) + "; the default applies again."
        : "Set the system prompt " + scope(key) + ".";
  }

  private String usage(ChatEvent event) {
    Instant since = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Usage usage = store.usage(event.author().id(), event.conversation(), since);
    return "Today (since "
        + since.atZone(ZoneOffset.UTC).toLocalDate()
        + " 00:00 UTC) you asked "
        + usage.userAnswers()
        + " questions using "
        + usage.userTokens()
        + " tokens; this channel asked "
        + usage.channelAnswers()
        + " using "
        + usage.channelTokens()
        + " tokens."
        + (admins.mayConfigure(event) ? feedbackToday(since) : "");
  }

  /** For admins: today's votes per model, across all conversations. */
  private String feedbackToday(Instant since) {
    List<FeedbackCount> counts = store.feedbackPerModel(since);
    if (counts.isEmpty()) {
      return "\nFeedback today: no votes yet.";
    }
    StringBuilder text = new StringBuilder("\nFeedback today, per model:");
    for (FeedbackCount count : counts) {
      text.append("\n• `")
          .append(count.model())
          .append("`: ")
          .append(count.up())
          .append(" 👍, ")
          .append(count.down())
          .append(" 👎");
    }
    return text.toString();
  }

  private static String help() {
    return """
        I'm Cria, a Llama assistant. Mention me (or use my slash command) with a question and I \
        answer in a thread; follow-ups in the thread continue the conversation.
        Commands:
        • `reset`: forget this conversation
        • `model` / `model <id>`: show or switch the model (here, or for the channel outside a thread)
        • `system` / `system <prompt>` / `system clear`: show, set or clear the system prompt
        • `usage`: questions and tokens used today (admins also see today's 👍/👎 per model)
        • `summarize`: title, summary, decisions, action items and open questions of this thread
        • `help`: this message
        Every message is checked by a safety filter before the model sees it.""";
  }

  private Optional<String> availableList() {
    try {
      return Optional.of(String.join(", ", model.models()));
    } catch (ModelException e) {
      return Optional.empty();
    }
  }

  private static String scope(ConversationKey key) {
    return key.isThread() ? "in this thread" : "in this channel";
  }
}
