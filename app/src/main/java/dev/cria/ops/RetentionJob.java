package dev.cria.ops;

import dev.cria.chat.WebSessionStore;
import dev.cria.core.ConversationDefaults;
import dev.cria.core.ConversationStore;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly: deletes expired web sessions, and purges stored turns older than {@code
 * CRIA_HISTORY_RETENTION_DAYS} (kept forever by default).
 */
@Singleton
class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final ConversationStore store;
  private final WebSessionStore sessions;
  private final ConversationDefaults defaults;

  RetentionJob(ConversationStore store, WebSessionStore sessions, ConversationDefaults defaults) {
    this.store = store;
    this.sessions = sessions;
    this.defaults = defaults;
  }

  @Scheduled(initialDelay = "1m", fixedDelay = "1h")
  void purge() {
    purgeSessions();
    purgeNow();
  }

  /** Deletes the expired web sessions; returns how many went. */
  int purgeSessions() {
    int expired = sessions.deleteExpired(Instant.now());
    if (expired > 0) {
      LOG.debug("Deleted {} expired web sessions", expired);
    }
    return expired;
  }

  /** Deletes what is older than the retention; returns how many turns went. */
  int purgeNow() {
    if (defaults.retentionDays() <= 0) {
      return 0;
    }
    Instant before = Instant.now().minus(Duration.ofDays(defaults.retentionDays()));
    int purged = store.purgeBefore(before);
    if (purged > 0) {
      LOG.info("Purged {} messages older than {} days", purged, defaults.retentionDays());
    }
    return purged;
  }
}
