package dev.cria.ops;

import dev.cria.llama.ModelServerCheck;
import dev.cria.llama.ModelServerStatus;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The model server in {@code /health}, as a detail: its base URL, whether it answered {@code GET
 * /models}, what it serves and which needed model it lacks. Always UP: whether Cria is up stays
 * tied to its database, since a model server that is down gets a clear reply to every question. The
 * result is the last check's, refreshed in the background at most every {@link #MAX_AGE}, so that a
 * probe never waits for the model server.
 */
@Singleton
class ModelServerHealthIndicator implements HealthIndicator {

  static final String NAME = "modelServer";
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  private final ModelServerCheck check;

  ModelServerHealthIndicator(ModelServerCheck check) {
    this.check = check;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    ModelServerStatus status = check.last(MAX_AGE);
    Map<String, Object> details = new LinkedHashMap<>();
    if (status == null) {
      details.put("state", "not checked yet");
    } else {
      details.put("baseUrl", status.baseUrl());
      details.put("state", status.reachable() ? "reachable" : "unreachable");
      if (!status.reachable()) {
        details.put("error", status.error());
      }
      details.put("models", status.served());
      details.put("missing", status.missing());
      details.put("checkedAt", status.checkedAt().toString());
    }
    return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
  }
}
