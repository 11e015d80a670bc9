package dev.cria.discord;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Run and Cancel under a confirmation request: custom ids {@code cria:tc:run:<id>} and {@code
 * cria:tc:cancel:<id>}, the id being the pending tool call's. A click becomes a {@link
 * Command.ConfirmTool} event whose answer is a follow-up of the click: a new message in the
 * channel, thread or DM (in a channel, as with Regenerate, the conversation is found by the clicked
 * message).
 */
final class ConfirmButtons {

  static final String PREFIX = "cria:tc:";

  private ConfirmButtons() {}

  static ActionRow row(String pendingId) {
    return ActionRow.of(
        Button.primary(PREFIX + "run:" + pendingId, "Run"),
        Button.secondary(PREFIX + "cancel:" + pendingId, "Cancel"));
  }

  /** A click: Run or Cancel and the pending call, or empty for another button. */
  static Optional<Click> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = customId.substring(PREFIX.length()).split(":", 2);
    if (parts.length != 2 || parts[1].isBlank()) {
      return Optional.empty();
    }
    return switch (parts[0]) {
      case "run" -> Optional.of(new Click(true, parts[1]));
      case "cancel" -> Optional.of(new Click(false, parts[1]));
      default -> Optional.empty();
    };
  }

  record Click(boolean run, String pendingId) {}

  /**
   * The event for a click (the raw interaction payload) on the message {@code messageId};
   * deduplicated on the interaction id.
   */
  static ChatEvent toEvent(DataObject interaction, String messageId, Click click) {
    String id = interaction.getString("id");
    ChannelPlace place = ChannelPlace.ofInteraction(interaction);
    Addressing addressing =
        switch (place.kind()) {
          case CHANNEL -> Addressing.inChannel(false, messageId);
          case THREAD -> Addressing.inThread(false);
          case DM -> Addressing.direct();
        };
    DataObject member = interaction.optObject("member").orElse(null);
    DataObject user = member != null ? member.getObject("user") : interaction.getObject("user");
    boolean webhookOnly = InstallContext.webhookOnly(interaction);
    return new ChatEvent(
        place.key(),
        id,
        null,
        DiscordEventMapper.author(user, member, user.getBoolean("bot")),
        "",
        new Command.ConfirmTool(click.pendingId(), click.run()),
        DiscordEventMapper.snowflakeTime(id),
        new ReplyAddress.ToInteraction(
                id, place.channelId(), interaction.getString("token"), webhookOnly, !webhookOnly)
            .encode(),
        List.of(),
        addressing);
  }
}
