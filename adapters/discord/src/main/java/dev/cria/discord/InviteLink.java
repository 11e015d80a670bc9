package dev.cria.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The OAuth2 link that adds Cria to a server: scopes {@code bot} and {@code applications.commands}
 * and exactly the permissions Cria uses.
 */
final class InviteLink {

  /** What Cria does in a server: read, answer, open threads and answer in them, embed links. */
  static final Set<Permission> PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_HISTORY,
          Permission.MESSAGE_EMBED_LINKS);

  private InviteLink() {}

  static String forApplication(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot+applications.commands&permissions="
        + Permission.getRaw(PERMISSIONS);
  }
}
