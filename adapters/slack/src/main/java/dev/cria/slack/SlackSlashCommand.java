package dev.cria.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.CommandParser;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.time.Instant;

/**
 * Maps the {@code /cria} slash command onto the shared commands ({@code /cria reset}, {@code /cria
 * model llama-4}, ...). It applies to the channel (Slack sends no thread with a command); the
 * answer goes back through the command's response URL, seen only by the person who typed it. Words
 * that are no command get the help text.
 */
final class SlackSlashCommand {

  private SlackSlashCommand() {}

  static ChatEvent toEvent(SlashCommandPayload payload, Instant now) {
    String text = payload.getText() == null ? "" : payload.getText().strip();
    Command command = CommandParser.parse(text).orElseGet(Command.Help::new);
    var key = ConversationKey.of(Platform.SLACK, payload.getTeamId(), payload.getChannelId());
    var reply =
        SlackReplyAddress.command(
            payload.getChannelId(),
            payload.getUserId(),
            payload.getTeamId(),
            payload.getResponseUrl());
    return new ChatEvent(
        key,
        "command:" + payload.getTriggerId(),
        null,
        Author.human(payload.getUserId(), payload.getUserName()),
        text,
        command,
        now,
        reply.encode());
  }
}
