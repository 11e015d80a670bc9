package dev.cria.discord;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Discord when the application starts. Once connected it registers the slash commands
 * (only if they changed) and logs the link that adds Cria to a server.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordStartup implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordStartup.class);

  private final DiscordSettings settings;
  private final DiscordConnection connection;
  private final DiscordListener listener;
  private final CommandRegistrar registrar = new CommandRegistrar(DiscordSlashCommands.all());
  private final CompletableFuture<CommandRegistrar.Outcome> registration =
      new CompletableFuture<>();

  public DiscordStartup(
      DiscordSettings settings, DiscordConnection connection, DiscordListener listener) {
    this.settings = settings;
    this.connection = connection;
    this.listener = listener;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    OutgoingMessages.disablePingsByDefault();
    LOG.info("Connecting to Discord ({})", settings);
    connection.start(List.of(listener), this::ready);
  }

  private void ready(DiscordSession session) {
    LOG.info(
        "Connected to Discord as {}. Add Cria to a server: {}",
        session.anyShard().getSelfUser().getName(),
        InviteLink.forApplication(session.applicationId()));
    try {
      registration.complete(registerCommands(session));
    } catch (RuntimeException e) {
      LOG.error("Could not register Discord slash commands; they may be out of date", e);
      registration.completeExceptionally(e);
    }
  }

  /** Completes once this start has checked (and if needed registered) the slash commands. */
  CompletableFuture<CommandRegistrar.Outcome> commandRegistration() {
    return registration;
  }

  private CommandRegistrar.Outcome registerCommands(DiscordSession session) {
    Optional<String> guildId = settings.commandGuild();
    if (guildId.isPresent()) {
      Optional<Guild> guild = session.guild(guildId.get());
      if (guild.isPresent()) {
        return registrar.registerOnGuild(guild.get());
      }
      if (holdsGuild(guildId.get())) {
        LOG.error(
            "Cria is not a member of DISCORD_GUILD_ID {}: add it with the link above",
            guildId.get());
      }
      return CommandRegistrar.Outcome.NOT_HERE;
    }
    // With several processes, the one running shard 0 registers global commands.
    if (settings.shardRange().map(range -> range.includes(0)).orElse(true)) {
      return registrar.registerGlobally(session.anyShard());
    }
    return CommandRegistrar.Outcome.NOT_HERE;
  }

  private boolean holdsGuild(String guildId) {
    return settings
        .shardRange()
        .map(range -> range.holdsGuild(Long.parseUnsignedLong(guildId)))
        .orElse(true);
  }
}
