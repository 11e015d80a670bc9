package dev.cria.mcp;

import dev.cria.fakes.FakeMcpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Settings for a source pointed at a fake, with short retries so that tests wait little. */
final class TestServers {

  static final Duration RETRY = Duration.ofMillis(100);

  private TestServers() {}

  static McpServerSettings settings(FakeMcpServer fake, String token, List<String> confirm) {
    return new McpServerSettings(
        "fake",
        URI.create(fake.url()),
        token,
        confirm,
        Duration.ofMinutes(5),
        RETRY,
        Duration.ofSeconds(2));
  }

  static McpServerSettings settings(FakeMcpServer fake) {
    return settings(fake, FakeMcpServer.TOKEN, List.of("create_*"));
  }
}
