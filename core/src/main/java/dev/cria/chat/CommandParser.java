package dev.cria.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the shared commands from message text, e.g. the words after a mention: {@code reset},
 * {@code model [id]}, {@code system [prompt|clear]}, {@code help}, {@code usage}, {@code
 * summarize}. A leading slash is allowed. Anything else is a question for the model: "help me write
 * a poem" is not {@code help}.
 */
public final class CommandParser {

  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

  private CommandParser() {}

  public static Optional<Command> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    String[] words = trimmed.split("\\s+", 2);
    String verb = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1].strip() : "";
    return switch (verb) {
      case "reset", "forget" ->
          rest.isEmpty() ? Optional.of(new Command.Reset()) : Optional.empty();
      case "help" -> rest.isEmpty() ? Optional.of(new Command.Help()) : Optional.empty();
      case "usage" -> rest.isEmpty() ? Optional.of(new Command.Usage()) : Optional.empty();
      case "summarize", "summarise" ->
          rest.isEmpty() ? Optional.of(new Command.Summarize()) : Optional.empty();
      case "model" -> model(rest);
      case "system" -> Optional.of(systemPrompt(rest));
      default -> Optional.empty();
    };
  }

  private static Optional<Command> model(String rest) {
    if (rest.isEmpty()) {
      return Optional.of(new Command.Model(null));
    }
    return MODEL_ID.matcher(rest).matches()
        ? Optional.of(new Command.Model(rest))
        : Optional.empty();
  }

  private static Command systemPrompt(String rest) {
    if (rest.isEmpty()) {
      return new Command.SystemPrompt(null);
    }
    boolean clear = rest.equalsIgnoreCase("clear") || rest.equalsIgnoreCase("default");
    return new Command.SystemPrompt(clear ? "" : rest);
  }
}
