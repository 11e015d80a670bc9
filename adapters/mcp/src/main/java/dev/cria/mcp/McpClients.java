package dev.cria.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Builds the SDK's client for one server: the streamable HTTP transport on the JDK's HttpClient,
 * the bearer token on every request (POST, the GET stream and the DELETE that ends the session),
 * and a listener for the server's {@code notifications/tools/list_changed}.
 */
final class McpClients {

  /**
   * The longest any request may take at the SDK's level. Each tool call carries the caller's own,
   * shorter timeout; listing tools carries {@link #HANDSHAKE}.
   */
  static final Duration REQUEST_CAP = Duration.ofMinutes(10);

  /** The longest the handshake ({@code initialize}) and a tool listing may take. */
  static final Duration HANDSHAKE = Duration.ofSeconds(30);

  private McpClients() {}

  static McpAsyncClient create(
      McpServerSettings server, McpJsonMapper json, Consumer<List<McpSchema.Tool>> toolsChanged) {
    String url = server.url().toString();
    String token = server.token();
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(url)
            .endpoint(url)
            .jsonMapper(json)
            .connectTimeout(server.connectTimeout())
            .httpRequestCustomizer(
                (request, method, endpoint, body, context) -> {
                  if (token != null) {
                    request.setHeader("Authorization", "Bearer " + token);
                  }
                })
            .build();
    return McpClient.async(transport)
        .clientInfo(McpSchema.Implementation.builder("cria", version()).build())
        .requestTimeout(REQUEST_CAP)
        .initializationTimeout(HANDSHAKE)
        .toolsChangeConsumer(tools -> Mono.fromRunnable(() -> toolsChanged.accept(tools)))
        .build();
  }

  private static String version() {
    String version = McpClients.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
