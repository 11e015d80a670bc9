package dev.cria.discord;

import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Where an interaction comes from, as its payload says: {@code context} 0 a server, 1 a DM with
 * Cria, 2 a group DM or a DM between other users; {@code authorizing_integration_owners} names the
 * installs that allow it, {@code "0"} the server's and {@code "1"} the user's. When only the user
 * installed Cria, Cria is not in the server or the private channel: it can answer only through the
 * interaction's webhook (no channel, no thread, no later message), at most {@value
 * #WEBHOOK_MESSAGES} messages.
 */
final class InstallContext {

  /**
   * Discord allows a user-installed app five follow-up messages per interaction; Cria keeps to five
   * messages in all, the deferred reply included.
   */
  static final int WEBHOOK_MESSAGES = 5;

  private static final int PRIVATE_CHANNEL = 2;
  private static final String GUILD_INSTALL = "0";

  private InstallContext() {}

  /** Whether the answer can go only through the interaction's webhook. */
  static boolean webhookOnly(DataObject interaction) {
    DataObject owners = interaction.optObject("authorizing_integration_owners").orElse(null);
    if (owners == null) {
      return false; // payloads from before user installs: a server install
    }
    int context = interaction.getInt("context", 0);
    return context == PRIVATE_CHANNEL || (context == 0 && !owners.hasKey(GUILD_INSTALL));
  }
}
