package dev.cria.ops;

import dev.cria.core.ConversationDefaults;
import dev.cria.core.ConversationStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Purges stored turns older than {@code CRIA_HISTORY_RETENTION_DAYS}, hourly. Off by default. */
@Singleton
@Requires(property = "cria.conversation.retention-days")
class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final ConversationStore store;
  private final ConversationDefaults defaults;

  RetentionJob(ConversationStore store, ConversationDefaults defaults) {
    this.store = store;
    this.defaults = defaults;
  }

  @Scheduled(initialDelay = "1m", fixedDelay = "1h")
  void purge() {
    purgeNow();
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
