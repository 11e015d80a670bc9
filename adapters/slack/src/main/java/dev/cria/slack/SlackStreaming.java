package dev.cria.slack;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Slack's native streaming ({@code chat.startStream}) works for this app. It starts on; an
 * error saying the method or feature is not there for us turns it off for every later answer, which
 * then edit a placeholder instead.
 */
final class SlackStreaming {

  private static final Logger LOG = LoggerFactory.getLogger(SlackStreaming.class);
  private static final Set<String> NOT_AVAILABLE =
      Set.of(
          "unknown_method",
          "not_allowed",
          "not_allowed_token_type",
          "missing_scope",
          "feature_not_enabled",
          "not_implemented",
          "method_deprecated",
          "http_404");

  private final AtomicBoolean available = new AtomicBoolean(true);

  boolean available() {
    return available.get();
  }

  void failed(SlackCallException e) {
    if (NOT_AVAILABLE.contains(e.error()) && available.compareAndSet(true, false)) {
      LOG.warn(
          "chat.startStream is not available ({}): answers are posted and edited instead",
          e.error());
    } else {
      LOG.info("chat.startStream failed ({}): this answer is posted and edited", e.error());
    }
  }
}
