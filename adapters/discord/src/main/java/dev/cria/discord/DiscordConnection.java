package dev.cria.discord;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cria's connection to Discord. Connects on a background thread, so the application starts even
 * when Discord is slow or down; if Discord refuses the Message Content intent (not enabled in the
 * Developer Portal) it reconnects without it and says what that costs. Shuts down with the
 * application.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordConnection {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

  private final DiscordSettings settings;
  private final ExecutorService eventPool = new DiscordEventPool();
  private final DiscordClientFactory factory;
  private final CountDownLatch built = new CountDownLatch(1);
  private volatile DiscordSession current;
  private volatile boolean closed;

  public DiscordConnection(DiscordSettings settings) {
    this.settings = settings;
    this.factory = new DiscordClientFactory(settings, eventPool);
  }

  /**
   * Connects in the background.
   *
   * @param onReady called once every shard of this process is ready
   */
  void start(List<Object> listeners, Consumer<DiscordSession> onReady) {
    Thread.ofVirtual().name("discord-connect").start(() -> connect(listeners, onReady));
  }

  /**
   * The running session, waiting (up to the ready timeout) while it is being built.
   *
   * @throws IllegalStateException when Discord is not connected
   */
  DiscordSession session() {
    try {
      if (!built.await(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Discord is not connected yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Discord", e);
    }
    DiscordSession session = current;
    if (session == null) {
      throw new IllegalStateException("Discord is not connected");
    }
    return session;
  }

  private void connect(List<Object> listeners, Consumer<DiscordSession> onReady) {
    Set<GatewayIntent> intents = DiscordClientFactory.INTENTS;
    Duration backoff = FIRST_BACKOFF;
    try {
      while (!closed) {
        GatewayWatch watch =
            new GatewayWatch(settings.shardRange().map(ShardRange::count).orElse(1));
        List<Object> all = new ArrayList<>(listeners);
        all.add(watch);
        try {
          current = factory.open(intents, all.toArray());
        } catch (InvalidTokenException e) {
          LOG.error(
              "Discord refused DISCORD_BOT_TOKEN: copy it again from Bot > Reset Token in the"
                  + " Developer Portal. Cria is offline on Discord.");
          return;
        } catch (RuntimeException e) {
          LOG.warn("Cannot reach Discord ({}); trying again in {}", e.getMessage(), backoff);
          Thread.sleep(backoff.toMillis());
          backoff = longer(backoff);
          continue;
        }
        built.countDown();
        GatewayWatch.Outcome outcome = awaitGateway(watch);
        if (closed) {
          return;
        }
        if (outcome == GatewayWatch.Outcome.READY) {
          onReady.accept(current);
          return;
        }
        if (outcome != GatewayWatch.Outcome.DISALLOWED_INTENTS
            || !intents.contains(GatewayIntent.MESSAGE_CONTENT)) {
          LOG.error(
              "Discord closed the connection ({}); Cria is offline on Discord", watch.closeCode());
          return;
        }
        LOG.warn(
            "Discord refused the Message Content intent: enable it under Bot > Privileged Gateway"
                + " Intents in the Developer Portal. Reconnecting without it: Cria answers"
                + " mentions, replies to its answers, DMs and slash commands, but not other"
                + " messages in its threads.");
        current.shutdown(SHUTDOWN_GRACE);
        intents = DiscordClientFactory.WITHOUT_MESSAGE_CONTENT;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Whatever happened, callers waiting for a session stop waiting.
      built.countDown();
    }
  }

  private static Duration longer(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private GatewayWatch.Outcome awaitGateway(GatewayWatch watch) throws InterruptedException {
    GatewayWatch.Outcome outcome = watch.await(settings.readyTimeout());
    while (outcome == GatewayWatch.Outcome.TIMED_OUT && !closed) {
      LOG.warn(
          "Discord's gateway is not ready after {}; still trying in the background",
          settings.readyTimeout());
      outcome = watch.await(settings.readyTimeout());
    }
    return outcome;
  }

  @PreDestroy
  void close() {
    closed = true;
    DiscordSession session = current;
    if (session != null) {
      session.shutdown(SHUTDOWN_GRACE);
      LOG.info("Disconnected from Discord");
    }
    // The event pool stays open: JDA hands it the final ShutdownEvent after shutdown returns, and
    // a virtual-thread executor holds no threads while idle.
  }
}
