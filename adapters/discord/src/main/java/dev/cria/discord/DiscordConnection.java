package dev.cria.discord;

import dev.cria.chat.ConnectionHealth;
import dev.cria.chat.ConnectionProblems;
import dev.cria.chat.ConnectionStatus;
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
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cria's connection to Discord. Connects on a background thread, so the application starts even
 * when Discord is slow or down; if Discord refuses the Message Content intent (not enabled in the
 * Developer Portal) it reconnects without it and says what that costs. Any other failure (a refused
 * token, an unreachable Discord, a class missing from the jar) is logged once per cause and retried
 * with a growing delay; {@link #status()} tells {@code /health} where it stands, including while
 * JDA reconnects a dropped gateway. Shuts down with the application.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordConnection implements ConnectionHealth {

  private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

  private final DiscordSettings settings;
  private final ExecutorService eventPool = new DiscordEventPool();
  private final DiscordClientFactory factory;
  private final CountDownLatch built = new CountDownLatch(1);
  private final ConnectionProblems problems = new ConnectionProblems(LOG);
  private volatile ConnectionStatus connected;
  private volatile DiscordSession current;
  private volatile DiscordSession ready;
  private volatile ConnectionStatus loopStatus = ConnectionStatus.connecting("starting");
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
   * The running session, waiting (up to the ready timeout) until its gateway is ready and JDA holds
   * the guilds and channels.
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
        loopStatus = ConnectionStatus.connecting("logging in to Discord");
        try {
          current = factory.open(intents, all.toArray());
        } catch (Throwable failure) {
          ConnectionProblems.rethrowIfFatal(failure);
          retryAfter(advice(failure), failure, backoff);
          backoff = longer(backoff);
          continue;
        }
        loopStatus = ConnectionStatus.connecting("waiting for Discord's gateway to be ready");
        GatewayWatch.Outcome outcome = awaitGateway(watch);
        if (closed) {
          return;
        }
        if (outcome == GatewayWatch.Outcome.READY) {
          connected = ConnectionStatus.connected("gateway connected");
          ready = current;
          // Only now does JDA know the channels: a replica that starts with events waiting in the
          // queue must not look for their channels before this ("not available to Cria").
          built.countDown();
          problems.recovered("Discord connected");
          onReady.accept(current);
          return;
        }
        current.shutdown(SHUTDOWN_GRACE);
        if (outcome == GatewayWatch.Outcome.DISALLOWED_INTENTS
            && intents.contains(GatewayIntent.MESSAGE_CONTENT)) {
          LOG.warn(
              "Discord refused the Message Content intent: enable it under Bot > Privileged"
                  + " Gateway Intents in the Developer Portal. Reconnecting without it: Cria"
                  + " answers mentions, replies to its answers, DMs and slash commands, but not"
                  + " other messages in its threads.");
          intents = DiscordClientFactory.WITHOUT_MESSAGE_CONTENT;
          continue;
        }
        String closeCode = String.valueOf(watch.closeCode());
        retryAfter(
            "Discord closed the gateway connection (" + closeCode + ")",
            new IllegalStateException("gateway closed: " + closeCode),
            backoff);
        backoff = longer(backoff);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Whatever happened, callers waiting for a session stop waiting.
      built.countDown();
    }
  }

  private void retryAfter(String advice, Throwable failure, Duration backoff)
      throws InterruptedException {
    String detail = advice + "; retrying in " + backoff.toSeconds() + "s";
    loopStatus = ConnectionStatus.down(detail);
    problems.failed("Cria is offline on Discord: " + detail, failure);
    Thread.sleep(backoff.toMillis());
  }

  private static String advice(Throwable failure) {
    if (failure instanceof InvalidTokenException) {
      return "Discord refused DISCORD_BOT_TOKEN: copy it again from Bot > Reset Token in the"
          + " Developer Portal";
    }
    String missing = ConnectionProblems.missingClass(failure);
    if (missing != null) {
      return ConnectionProblems.missingClassAdvice(missing);
    }
    return "cannot reach Discord ("
        + failure.getClass().getSimpleName()
        + "); check the network, a proxy, or DISCORD_API_URL";
  }

  @Override
  public String component() {
    return "discord";
  }

  @Override
  public ConnectionStatus status() {
    if (closed) {
      return ConnectionStatus.down("shut down");
    }
    DiscordSession session = ready;
    if (session == null) {
      return loopStatus;
    }
    List<String> notConnected = new ArrayList<>();
    for (JDA shard : session.shards()) {
      if (shard.getStatus() != JDA.Status.CONNECTED) {
        notConnected.add("shard " + shard.getShardInfo().getShardId() + ": " + shard.getStatus());
      }
    }
    if (notConnected.isEmpty()) {
      return connected;
    }
    return ConnectionStatus.down(
        "gateway not connected, JDA is reconnecting (" + String.join(", ", notConnected) + ")");
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
