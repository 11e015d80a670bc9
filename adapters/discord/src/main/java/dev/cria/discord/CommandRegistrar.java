package dev.cria.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Cria's slash commands on one guild or globally, but only when they differ from what
 * Discord already has: one {@code GET} per start, a {@code PUT} only after a change.
 */
final class CommandRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

  /** What happened at startup, for the log and the tests. */
  enum Outcome {
    UNCHANGED,
    REGISTERED,
    /** Another process registers them (it runs the shard), or Cria is not in the guild. */
    NOT_HERE
  }

  private final List<CommandData> wanted;

  CommandRegistrar(List<CommandData> wanted) {
    this.wanted = List.copyOf(wanted);
  }

  Outcome registerGlobally(JDA jda) {
    List<Command> registered = jda.retrieveCommands().complete();
    if (unchanged(registered)) {
      LOG.info("Discord slash commands are up to date ({} global commands)", registered.size());
      return Outcome.UNCHANGED;
    }
    jda.updateCommands().addCommands(wanted).complete();
    LOG.info(
        "Registered {} global Discord slash commands; Discord may take a while to show them",
        wanted.size());
    return Outcome.REGISTERED;
  }

  Outcome registerOnGuild(Guild guild) {
    List<Command> registered = guild.retrieveCommands().complete();
    if (unchanged(registered)) {
      LOG.info(
          "Discord slash commands on guild {} are up to date ({} commands)",
          guild.getId(),
          registered.size());
      return Outcome.UNCHANGED;
    }
    guild.updateCommands().addCommands(wanted).complete();
    LOG.info("Registered {} Discord slash commands on guild {}", wanted.size(), guild.getId());
    return Outcome.REGISTERED;
  }

  boolean unchanged(List<Command> registered) {
    List<CommandData> current = registered.stream().map(CommandData::fromCommand).toList();
    return CommandSignature.of(wanted).matches(CommandSignature.of(current));
  }
}
