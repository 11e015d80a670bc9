package dev.cria.discord;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The Regenerate button beside an answer's 👍/👎. Its custom id names the answer's first message
 * ({@code cria:rg:<id>}), which the answer is stored under. A click becomes a {@link
 * Command.Regenerate} event answered through the click's own interaction: its deferred edit is the
 * message carrying the button, which the new answer replaces.
 */
final class RegenerateButton {

  static final String PREFIX = "cria:rg:";

  private RegenerateButton() {}

  static Button of(String answerMessageId) {
    return Button.secondary(PREFIX + answerMessageId, "Regenerate");
  }

  /** The answer a click asks to regenerate, or empty for another button. */
  static Optional<String> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String answer = customId.substring(PREFIX.length());
    return answer.isBlank() ? Optional.empty() : Optional.of(answer);
  }

  /**
   * The event for a click (the raw interaction payload) on the answer {@code answerMessageId};
   * deduplicated on the interaction id. Like a reply to that answer, it belongs to the answer's
   * conversation, which the core finds ({@code AddressingRules}): in a channel by the answer's
   * message (the reply chain), in a thread or a DM by the place itself.
   */
  static ChatEvent toEvent(DataObject interaction, String answerMessageId) {
    String id = interaction.getString("id");
    ChannelPlace place = ChannelPlace.ofInteraction(interaction);
    Addressing addressing =
        switch (place.kind()) {
          case CHANNEL -> Addressing.inChannel(false, answerMessageId);
          case THREAD -> Addressing.inThread(false);
          case DM -> Addressing.direct();
        };
    DataObject member = interaction.optObject("member").orElse(null);
    DataObject user = member != null ? member.getObject("user") : interaction.getObject("user");
    return new ChatEvent(
        place.key(),
        id,
        null,
        DiscordEventMapper.author(user, member, user.getBoolean("bot")),
        "",
        new Command.Regenerate(answerMessageId),
        DiscordEventMapper.snowflakeTime(id),
        new ReplyAddress.ToInteraction(
                id,
                place.channelId(),
                interaction.getString("token"),
                InstallContext.webhookOnly(interaction))
            .encode(),
        List.of(),
        addressing);
  }
}
