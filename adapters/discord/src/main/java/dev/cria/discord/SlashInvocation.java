package dev.cria.discord;

import dev.cria.chat.Command;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A slash command as invoked: its name and string options, read from an interaction's {@code data}
 * object, and the shared {@link Command} it stands for.
 */
record SlashInvocation(String name, Map<String, String> options) {

  SlashInvocation {
    options = Map.copyOf(options);
  }

  static SlashInvocation of(DataObject data) {
    Map<String, String> options = new LinkedHashMap<>();
    DataArray array = data.optArray("options").orElseGet(DataArray::empty);
    for (int i = 0; i < array.length(); i++) {
      DataObject option = array.getObject(i);
      if (!option.isNull("value")) {
        options.put(option.getString("name"), option.get("value").toString());
      }
    }
    return new SlashInvocation(data.getString("name"), options);
  }

  String option(String optionName) {
    return options.get(optionName);
  }

  /** The shared command, or null for {@code /ask} and {@code /chat}, which are questions. */
  Command command() {
    return switch (name) {
      case DiscordSlashCommands.RESET -> new Command.Reset();
      case DiscordSlashCommands.MODEL -> new Command.Model(blankToNull(option("name")));
      case DiscordSlashCommands.SYSTEM -> systemPrompt(option("prompt"));
      case DiscordSlashCommands.HELP -> new Command.Help();
      case DiscordSlashCommands.USAGE -> new Command.Usage();
      case DiscordSlashCommands.SUMMARIZE -> new Command.Summarize();
      default -> null;
    };
  }

  /** How the invocation reads as text, e.g. {@code /model Llama-4}. */
  String text() {
    String values = options.values().stream().collect(Collectors.joining(" "));
    return ("/" + name + " " + values).strip();
  }

  private static Command systemPrompt(String prompt) {
    String text = blankToNull(prompt);
    if (text == null) {
      return new Command.SystemPrompt(null);
    }
    boolean clear = text.equalsIgnoreCase("clear") || text.equalsIgnoreCase("default");
    return new Command.SystemPrompt(clear ? "" : text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
