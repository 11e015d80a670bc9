package dev.cria.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Cria's slash commands, and the message context-menu commands {@value #ASK_CRIA} and {@value
 * #SUMMARIZE_THREAD}, as Discord registers them. Usable in servers and in DMs with Cria (server
 * installs only).
 */
final class DiscordSlashCommands {

  static final String ASK = "ask";
  static final String CHAT = "chat";
  static final String RESET = "reset";
  static final String MODEL = "model";
  static final String SYSTEM = "system";
  static final String HELP = "help";
  static final String USAGE = "usage";
  static final String SUMMARIZE = "summarize";

  /** The message context-menu command: answers about the message it is used on. */
  static final String ASK_CRIA = "Ask Cria";

  /** The message context-menu command that summarizes the conversation a message belongs to. */
  static final String SUMMARIZE_THREAD = "Summarize thread";

  /** Discord allows 6,000 characters in a string option; longer prompts belong in a thread. */
  private static final int PROMPT_MAX_LENGTH = 4000;

  private DiscordSlashCommands() {}

  static List<CommandData> all() {
    return List.of(
        anywhere(command(ASK, "Ask Cria a question; reply to its answer to go on"))
            .addOptions(prompt("What to ask", true)),
        command(CHAT, "Start a conversation with Cria in a new thread")
            .addOptions(prompt("What to talk about", true)),
        command(RESET, "Forget this conversation"),
        command(MODEL, "Show the model in use, or switch this conversation to another")
            .addOptions(
                new OptionData(OptionType.STRING, "name", "The model to use")
                    .setAutoComplete(true)
                    .setMaxLength(128)),
        command(SYSTEM, "Show or set the system prompt here (\"clear\" restores the default)")
            .addOptions(prompt("The new system prompt, or clear", false))
            .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)),
        anywhere(command(HELP, "What Cria does and how to use it")),
        anywhere(command(USAGE, "Tokens and requests used today")),
        command(SUMMARIZE, "Summarize this thread: decisions, action items, open questions"),
        Commands.message(ASK_CRIA)
            .setContexts(ANYWHERE)
            .setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL),
        Commands.message(SUMMARIZE_THREAD)
            .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
            .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
  }

  /**
   * The commands that work where Cria is installed to a user rather than the server (answered
   * through the interaction's webhook alone, {@link InstallContext}): in servers, in DMs with Cria
   * and in group DMs. {@code /chat} needs a thread, and the settings commands a channel Cria is in,
   * so they stay with server installs.
   */
  private static SlashCommandData anywhere(SlashCommandData command) {
    return command
        .setContexts(ANYWHERE)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL);
  }

  private static final InteractionContextType[] ANYWHERE = {
    InteractionContextType.GUILD,
    InteractionContextType.BOT_DM,
    InteractionContextType.PRIVATE_CHANNEL
  };

  private static SlashCommandData command(String name, String description) {
    return Commands.slash(name, description)
        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
  }

  private static OptionData prompt(String description, boolean required) {
    return new OptionData(OptionType.STRING, "prompt", description, required)
        .setMaxLength(PROMPT_MAX_LENGTH);
  }
}
