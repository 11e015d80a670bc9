package dev.cria.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Display names of Slack users ({@code users.info}), cached for an hour (a failed lookup for five
 * minutes). Asked by the worker before it answers ({@link SlackReplyPort#authorName}), never on the
 * ack path. A lookup that is not done within {@link #DEADLINE} does not hold up the answer: the
 * user id stands in, and the name lands in the cache for the next message. At most {@link
 * #MAX_LOOKUPS} run at once, one per user; when all are busy the user id stands in at once.
 */
final class SlackUserNames implements AutoCloseable {

  static final Duration DEADLINE = Duration.ofMillis(800);
  private static final Duration FRESH = Duration.ofHours(1);

  /** After a failed lookup the user id stands in this long before Slack is asked again. */
  private static final Duration AFTER_FAILURE = Duration.ofMinutes(5);

  private static final int MAX_ENTRIES = 10_000;

  /** {@code users.info} calls in flight at once; beyond that the user id stands in. */
  static final int MAX_LOOKUPS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(SlackUserNames.class);

  private record Entry(String name, Instant fetched) {}

  private final SlackWebApi api;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private final Semaphore slots = new Semaphore(MAX_LOOKUPS);

  SlackUserNames(SlackWebApi api) {
    this.api = api;
  }

  /** The user's name, or the user id when Slack does not answer in time. */
  String nameOf(String userId) {
    Entry entry = cache.get(userId);
    if (entry != null && entry.fetched().plus(FRESH).isAfter(Instant.now())) {
      return entry.name();
    }
    CompletableFuture<String> lookup = lookup(userId);
    if (lookup == null) {
      return entry != null ? entry.name() : userId;
    }
    try {
      String name = lookup.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      return name != null ? name : userId;
    } catch (TimeoutException | ExecutionException e) {
      return entry != null ? entry.name() : userId;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return userId;
    }
  }

  /**
   * The lookup under way for this user (a burst from one user makes one call), a new one, or null
   * when {@link #MAX_LOOKUPS} are in flight already.
   */
  private CompletableFuture<String> lookup(String userId) {
    CompletableFuture<String> running = pending.get(userId);
    if (running != null) {
      return running;
    }
    if (!slots.tryAcquire()) {
      return null;
    }
    CompletableFuture<String> lookup = new CompletableFuture<>();
    CompletableFuture<String> raced = pending.putIfAbsent(userId, lookup);
    if (raced != null) {
      slots.release();
      return raced;
    }
    try {
      lookups.execute(
          () -> {
            try {
              lookup.complete(fetch(userId));
            } catch (RuntimeException e) {
              lookup.completeExceptionally(e);
            } finally {
              pending.remove(userId, lookup);
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      pending.remove(userId, lookup);
      slots.release();
      return null;
    }
    return lookup;
  }

  private String fetch(String userId) {
    try {
      String name = api.userName(userId);
      remember(userId, name, Instant.now());
      return name;
    } catch (SlackCallException e) {
      LOG.debug("users.info for {} failed ({})", userId, e.error());
      remember(userId, userId, Instant.now().minus(FRESH).plus(AFTER_FAILURE));
      return null;
    }
  }

  private void remember(String userId, String name, Instant fetched) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(userId, new Entry(name, fetched));
  }

  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
