package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Decides from the event alone, before anything is stored, whether its author may use Cria where
 * they wrote: the {@code CRIA_ALLOW_*} lists. Returns the reason for a refusal, which becomes the
 * {@code reason} label of {@code cria_access_refused_total}.
 */
@Singleton
class AccessPolicy {

  private final AccessSettings settings;

  AccessPolicy(AccessSettings settings) {
    this.settings = settings;
  }

  /** Why the event is refused ({@code team}, {@code channel}, {@code user}, ...), or empty. */
  Optional<String> refusal(ChatEvent event) {
    ConversationKey key = event.conversation();
    return switch (key.platform()) {
      case SLACK -> slack(event, key);
      case DISCORD -> discord(event, key);
      case WEB -> Optional.empty();
    };
  }

  private Optional<String> slack(ChatEvent event, ConversationKey key) {
    if (!admits(settings.slackTeams(), key.workspace())) {
      return Optional.of("team");
    }
    if (key.isDirect()) {
      if (!settings.slackDms()) {
        return Optional.of("dm");
      }
    } else if (!admits(settings.slackChannels(), key.channel())) {
      return Optional.of("channel");
    }
    return admits(settings.slackUsers(), event.author().id())
        ? Optional.empty()
        : Optional.of("user");
  }

  private Optional<String> discord(ChatEvent event, ConversationKey key) {
    if (key.isDirect()) {
      // A DM has no guild, channel list or roles: only the switch applies.
      return settings.discordDms() ? Optional.empty() : Optional.of("dm");
    }
    if (!admits(settings.discordGuilds(), key.workspace())) {
      return Optional.of("guild");
    }
    if (!admits(settings.discordChannels(), key.channel())) {
      return Optional.of("channel");
    }
    List<String> roles = settings.discordRoles();
    if (!roles.isEmpty() && event.author().roles().stream().noneMatch(roles::contains)) {
      return Optional.of("role");
    }
    return Optional.empty();
  }

  private static boolean admits(List<String> allowed, String id) {
    return allowed.isEmpty() || allowed.contains(id);
  }
}
