package dev.cria.ops;

import dev.cria.mcp.McpServerStatus;
import dev.cria.mcp.McpToolSource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The MCP servers in {@code /health}, as a detail: each one's endpoint (without its query), whether
 * it is connected, the tools it offers, and what to check when it is not. The component is {@code
 * degraded} while any server is down, but always UP: Cria answers without a server's tools (and
 * says so when a tool fails), so an MCP server must not take a replica out of service. Never shows
 * a token.
 */
@Singleton
class McpHealthIndicator implements HealthIndicator {

  static final String NAME = "mcp";

  private final List<McpToolSource> sources;

  McpHealthIndicator(List<McpToolSource> sources) {
    this.sources = sources;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> servers = new LinkedHashMap<>();
    boolean degraded = false;
    for (McpToolSource source : sources) {
      McpServerStatus status = source.status();
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("url", status.endpoint());
      server.put("state", status.connection().state().name().toLowerCase(Locale.ROOT));
      server.put("detail", status.connection().detail());
      server.put("since", status.connection().since().toString());
      server.put("tools", status.tools());
      servers.put(status.name(), server);
      degraded |= !status.connection().up();
    }
    if (sources.isEmpty()) {
      details.put("state", "none configured (CRIA_MCP_SERVERS)");
    } else {
      details.put("state", degraded ? "degraded" : "connected");
      details.put("servers", servers);
    }
    return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
  }
}
