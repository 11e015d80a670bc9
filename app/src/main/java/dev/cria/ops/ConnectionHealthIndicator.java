package dev.cria.ops;

import dev.cria.chat.ConnectionHealth;
import dev.cria.chat.ConnectionStatus;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * One {@code /health} component per enabled chat adapter ({@code slack}, {@code discord}): UP while
 * connected, DOWN while connecting or retrying, with what the adapter is doing or what to check. It
 * counts for readiness (not liveness), so a pod that cannot reach its platform takes no traffic but
 * is not restarted.
 */
@EachBean(ConnectionHealth.class)
public class ConnectionHealthIndicator implements HealthIndicator {

  private final ConnectionHealth connection;

  public ConnectionHealthIndicator(ConnectionHealth connection) {
    this.connection = connection;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    ConnectionStatus status = connection.status();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
    details.put("detail", status.detail());
    details.put("since", status.since().toString());
    return Publishers.just(
        HealthResult.builder(
                connection.component(), status.up() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(details)
            .build());
  }
}
