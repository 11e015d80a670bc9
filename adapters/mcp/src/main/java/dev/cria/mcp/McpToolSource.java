package dev.cria.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.chat.ConnectionProblems;
import dev.cria.chat.ConnectionStatus;
import dev.cria.core.ToolSource;
import dev.cria.core.ToolSpec;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools of one MCP server ({@code CRIA_MCP_SERVERS}), for the core. Connects in the background,
 * so Cria starts whether or not the server answers; keeps the tool list in memory, read again every
 * {@link McpServerSettings#refresh()} and at once when the server says it changed. A server that
 * cannot be reached, or refuses the token, offers no tools: the reason is logged once (without the
 * token) and shown in {@link #status()}, and the connection is tried again with a growing delay.
 */
@Context
@EachBean(McpServerSettings.class)
public class McpToolSource implements ToolSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(McpToolSource.class);
  private static final TypeRef<Map<String, Object>> ARGUMENTS = new TypeRef<>() {};

  private final McpServerSettings server;
  private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
  private final ConfirmPatterns confirm;
  private final McpAsyncClient client;
  private final ConnectionProblems problems = new ConnectionProblems(LOG);
  private final ScheduledExecutorService refresher;
  private volatile ToolCatalog catalog = ToolCatalog.empty();
  private volatile ConnectionStatus connection;
  private ScheduledFuture<?> nextRefresh;
  private Duration retry;

  public McpToolSource(McpServerSettings server) {
    this.server = server;
    this.confirm = new ConfirmPatterns(server.confirm());
    this.retry = server.retry();
    this.connection = ConnectionStatus.connecting("connecting to " + server.endpoint());
    this.client = McpClients.create(server, json, this::toolsChanged);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("cria-mcp-" + server.name()).factory());
    refreshIn(Duration.ZERO);
  }

  @Override
  public List<ToolSpec> tools() {
    return catalog.specs();
  }

  @Override
  public String call(String name, String argumentsJson, Duration timeout) {
    String tool =
        catalog
            .mcpName(name)
            .orElseThrow(
                () ->
                    new ToolException(
                        "There is no tool " + name + " on MCP server " + server.name() + " now."));
    Map<String, Object> arguments = arguments(name, argumentsJson);
    Duration limit = timeout == null || !timeout.isPositive() ? McpClients.REQUEST_CAP : timeout;
    McpSchema.CallToolResult result;
    try {
      result =
          client
              .callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build())
              .timeout(limit)
              .block();
    } catch (RuntimeException e) {
      String message = McpFailures.calling(server, name, limit, e);
      LOG.info("MCP tool call failed: {}", message);
      if (McpFailures.lostServer(e)) {
        // Withdraw its tools now rather than at the next refresh, if it is really gone.
        refreshIn(Duration.ZERO);
      }
      throw new ToolException(message, McpFailures.safeCause(e));
    }
    if (result == null) {
      throw new ToolException("The tool " + name + " returned nothing.");
    }
    return ToolResults.text(name, result, json);
  }

  /** Where this server stands, for {@code /health}. */
  public McpServerStatus status() {
    return new McpServerStatus(
        server.name(),
        server.endpoint(),
        connection,
        catalog.specs().stream().map(ToolSpec::name).toList());
  }

  private synchronized void refreshIn(Duration delay) {
    if (refresher.isShutdown()) {
      return;
    }
    if (nextRefresh != null) {
      nextRefresh.cancel(false);
    }
    nextRefresh = refresher.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      McpSchema.ListToolsResult listed = client.listTools().timeout(McpClients.HANDSHAKE).block();
      toolsChanged(listed == null ? List.of() : listed.tools());
      retry = server.retry();
      refreshIn(server.refresh());
    } catch (RuntimeException | LinkageError e) {
      // A class missing from the jar is a LinkageError: reported like any failure, not lost in
      // the scheduler, so the source keeps retrying and /health says what is wrong.
      String advice = McpFailures.connecting(server, e);
      problems.failed(advice + "; its tools are offered again once it answers", quiet(e));
      catalog = ToolCatalog.empty();
      connection =
          ConnectionStatus.down(
              advice + "; offering no tools, retrying in " + McpFailures.seconds(retry));
      refreshIn(retry);
      retry = min(retry.multipliedBy(2), McpServerSettings.MAX_RETRY);
    }
  }

  private void toolsChanged(List<McpSchema.Tool> tools) {
    ToolCatalog next = ToolCatalog.of(server, tools, confirm, json);
    List<String> names = next.specs().stream().map(ToolSpec::name).toList();
    boolean wasUp = connection.up();
    boolean changed = !names.equals(catalog.specs().stream().map(ToolSpec::name).toList());
    // Logged before the tools are offered, so that whoever sees them can find the line.
    if (!wasUp) {
      problems.recovered(
          "MCP server "
              + server.name()
              + " ("
              + server.endpoint()
              + ") offers "
              + names.size()
              + " tools: "
              + names);
    } else if (changed) {
      LOG.info("MCP server {} now offers {} tools: {}", server.name(), names.size(), names);
    }
    catalog = next;
    connection = ConnectionStatus.connected(names.size() + " tools");
  }

  private Map<String, Object> arguments(String tool, String argumentsJson) {
    if (argumentsJson == null || argumentsJson.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> arguments = json.readValue(argumentsJson, ARGUMENTS);
      return arguments == null ? Map.of() : arguments;
    } catch (IOException | RuntimeException e) {
      throw new ToolException("The arguments for " + tool + " are not a JSON object.");
    }
  }

  /**
   * The failure as the log may show it, and by which {@link ConnectionProblems} tells a new cause
   * from the same one again: its innermost cause (the SDK wraps every failure of the handshake in
   * the same message). An authorization failure carries the request's headers, so only its kind is
   * kept.
   */
  private static Throwable quiet(Throwable failure) {
    if (McpFailures.safeCause(failure) == null) {
      return new IllegalStateException("the server refused the token");
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? new IllegalStateException(root.getClass().getName()) : root;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  @PreDestroy
  public void close() {
    synchronized (this) {
      refresher.shutdownNow();
    }
    client.close();
  }
}
