package dev.cria.discord;

import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The question the message context-menu command {@value DiscordSlashCommands#ASK_CRIA} asks: the
 * message it was used on (its author and text, read from the interaction's resolved data), quoted,
 * with a request to explain it.
 */
final class MessageQuestion {

  /** Discord's type for a message context-menu command in an interaction's data. */
  static final int MESSAGE_COMMAND = 3;

  private MessageQuestion() {}

  static boolean isMessageCommand(DataObject data) {
    return data.getInt("type", 1) == MESSAGE_COMMAND;
  }

  /** The question, or null when the message has no text to ask about. */
  static String of(DataObject data) {
    String target = data.getString("target_id");
    DataObject message = data.getObject("resolved").getObject("messages").getObject(target);
    String content = message.getString("content", "").strip();
    if (content.isEmpty()) {
      return "";
    }
    DataObject author = message.getObject("author");
    String name =
        author.isNull("global_name")
            ? author.getString("username", "someone")
            : author.getString("global_name");
    StringBuilder quoted = new StringBuilder();
    for (String line : content.split("\n", -1)) {
      quoted.append("> ").append(line).append('\n');
    }
    return "About this message by " + name + ":\n" + quoted + "\nExplain it, or answer it.";
  }
}
