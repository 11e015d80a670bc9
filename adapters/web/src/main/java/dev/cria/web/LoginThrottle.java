package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@value #MAX_FAILURES} within {@link #WINDOW}, further
 * attempts from that address are refused until the oldest failure leaves the window.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
public class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** How long this client must wait before trying again, or empty when it may try now. */
  public Optional<Duration> blockedFor(String client) {
    Deque<Instant> recent = failures.get(client);
    if (recent == null) {
      return Optional.empty();
    }
    synchronized (recent) {
      Instant now = Instant.now();
      recent.removeIf(time -> time.isBefore(now.minus(WINDOW)));
      if (recent.size() < MAX_FAILURES) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }
  }

  public void failed(String client) {
    Deque<Instant> recent = failures.computeIfAbsent(client, key -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(Instant.now());
    }
  }

  public void succeeded(String client) {
    failures.remove(client);
  }
}
