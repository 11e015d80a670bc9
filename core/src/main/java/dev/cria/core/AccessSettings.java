package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Who may use Cria ({@code CRIA_ALLOW_*}, {@code CRIA_ADMINS}). An empty list lets everyone in; a
 * list lets in only the ids it names.
 *
 * @param slackDms whether Slack DMs with Cria are answered
 * @param discordDms whether Discord DMs with Cria are answered
 * @param admins platform user ids that may change a channel's model and system prompt, besides
 *     Slack workspace admins and owners and Discord members with Manage Server
 */
@ConfigurationProperties("cria.access")
public record AccessSettings(
    @Bindable(defaultValue = "") List<String> slackTeams,
    @Bindable(defaultValue = "") List<String> slackChannels,
    @Bindable(defaultValue = "") List<String> slackUsers,
    @Bindable(defaultValue = "true") boolean slackDms,
    @Bindable(defaultValue = "") List<String> discordGuilds,
    @Bindable(defaultValue = "") List<String> discordChannels,
    @Bindable(defaultValue = "") List<String> discordRoles,
    @Bindable(defaultValue = "true") boolean discordDms,
    @Bindable(defaultValue = "") List<String> admins) {

  public AccessSettings {
    slackTeams = clean(slackTeams);
    slackChannels = clean(slackChannels);
    slackUsers = clean(slackUsers);
    discordGuilds = clean(discordGuilds);
    discordChannels = clean(discordChannels);
    discordRoles = clean(discordRoles);
    admins = clean(admins);
  }

  private static List<String> clean(List<String> ids) {
    return ids == null
        ? List.of()
        : ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
