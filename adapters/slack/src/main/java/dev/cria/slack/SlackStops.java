package dev.cria.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Stop button's clicks ({@code agent_session_stopped}) this replica received, by channel and
 * thread or streamed message ts, for the answers being written there to see. In memory: a click
 * that reaches another replica stops nothing here (docs/architecture.md). Kept for ten minutes.
 */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackStops {

  private static final Duration KEPT = Duration.ofMinutes(10);

  private final Map<String, Instant> stopped = new ConcurrentHashMap<>();

  /** Marks the answer in thread (or streamed message) {@code ts} of {@code channel} as stopped. */
  void stop(String channel, String ts) {
    Instant now = Instant.now();
    stopped.values().removeIf(at -> at.isBefore(now.minus(KEPT)));
    stopped.put(channel + ":" + ts, now);
  }

  boolean isStopped(String channel, String ts) {
    return channel != null && ts != null && stopped.containsKey(channel + ":" + ts);
  }

  /** The answer ended; a new question in the same thread starts afresh. */
  void forget(String channel, String ts) {
    if (channel != null && ts != null) {
      stopped.remove(channel + ":" + ts);
    }
  }
}
