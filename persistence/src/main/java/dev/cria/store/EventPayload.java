package dev.cria.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cria.chat.Attachment;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import java.time.Instant;
import java.util.List;

/**
 * A {@link ChatEvent} as JSON in {@code inbound_event.payload}: flat and explicit, so a stored
 * event stays readable by the next version of Cria. The reply address is not part of it: it can
 * hold a short-lived credential and lives in its own column, erased when the event is finished.
 * Empty strings are kept (Micronaut's mapper drops them by default, and {@code system ""} means
 * "clear"). Attachments are described (name, type, size, where to fetch them), not held: the
 * pipeline downloads them when it answers. Payloads stored before attachments existed read as none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record EventPayload(
    String conversation,
    String eventId,
    String messageId,
    String authorId,
    String authorName,
    boolean authorBot,
    String text,
    String command,
    String commandArgument,
    Instant time,
    List<Attachment> attachments) {

  static EventPayload of(ChatEvent event) {
    Author author = event.author();
    Command command = event.command();
    return new EventPayload(
        event.conversation().toString(),
        event.eventId(),
        event.messageId(),
        author.id(),
        author.displayName(),
        author.bot(),
        event.text(),
        command == null ? null : commandName(command),
        command == null ? null : commandArgument(command),
        event.time(),
        event.attachments());
  }

  /** The event, with the reply address that is stored apart from the payload. */
  ChatEvent toEvent(String replyAddress) {
    return new ChatEvent(
        ConversationKey.parse(conversation),
        eventId,
        messageId,
        new Author(authorId, authorName, authorBot),
        text,
        command == null ? null : toCommand(),
        time,
        replyAddress == null ? "" : replyAddress,
        attachments);
  }

  private static String commandName(Command command) {
    return switch (command) {
      case Command.Reset reset -> "reset";
      case Command.Model model -> "model";
      case Command.SystemPrompt prompt -> "system";
      case Command.Help help -> "help";
      case Command.Usage usage -> "usage";
      case Command.Regenerate regenerate -> "regenerate";
      case Command.Summarize summarize -> "summarize";
      case Command.ConfirmTool confirm -> confirm.run() ? "tool_run" : "tool_cancel";
    };
  }

  private static String commandArgument(Command command) {
    return switch (command) {
      case Command.Model model -> model.modelId();
      case Command.SystemPrompt prompt -> prompt.prompt();
      case Command.Regenerate regenerate -> regenerate.answerMessageId();
      case Command.Summarize summarize -> summarize.aboutMessageId();
      case Command.ConfirmTool confirm -> confirm.pendingId();
      default -> null;
    };
  }

  private Command toCommand() {
    return switch (command) {
      case "reset" -> new Command.Reset();
      case "model" -> new Command.Model(commandArgument);
      case "system" -> new Command.SystemPrompt(commandArgument);
      case "help" -> new Command.Help();
      case "usage" -> new Command.Usage();
      case "regenerate" -> new Command.Regenerate(commandArgument);
      case "summarize" -> new Command.Summarize(commandArgument);
      case "tool_run" -> new Command.ConfirmTool(commandArgument, true);
      case "tool_cancel" -> new Command.ConfirmTool(commandArgument, false);
      default -> throw new IllegalStateException("unknown stored command: " + command);
    };
  }
}
