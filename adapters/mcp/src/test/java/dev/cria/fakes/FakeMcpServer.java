package dev.cria.fakes;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server for tests: the official SDK's server side on its streamable HTTP servlet
 * transport, in an embedded Tomcat on 127.0.0.1, at {@code /mcp}. Every request needs {@code
 * Authorization: Bearer} with its token, or gets 401. Its tools:
 *
 * <ul>
 *   <li>{@code get_weather} ({@code city}): "Sunny, 21 °C in <city>"
 *   <li>{@code create_issue} ({@code title}): "Created issue #42: <title>" (a side effect)
 *   <li>{@code delete_repo}: marked {@code destructiveHint} by the server
 *   <li>{@code archived_repo}: answers with {@code isError}
 *   <li>{@code slow}: answers after {@link #SLOW}, or at once when {@link #release()}d
 * </ul>
 *
 * It can be stopped and started again on the same port (a server that restarts, with new sessions),
 * and can add a tool while running, which sends {@code notifications/tools/list_changed}. Shared
 * with the app's tests through this module's test-jar.
 */
public final class FakeMcpServer implements AutoCloseable {

  public static final String TOKEN = "mcp-test-token-5d1f9c";
  public static final Duration SLOW = Duration.ofSeconds(20);

  /**
   * Tomcat logs through java.util.logging: its start and stop lines, and a warning on every stop
   * about the SDK's Reactor threads, which outlive a webapp but not the test JVM. Held here so that
   * the level sticks (JUL keeps loggers weakly).
   */
  private static final java.util.logging.Logger TOMCAT_LOG =
      java.util.logging.Logger.getLogger("org.apache");

  static {
    TOMCAT_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private final String token;
  private final int port;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<SyncToolSpecification> added = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final FakeMcpTools tools = new FakeMcpTools(calls, this::awaitRelease);
  private volatile CountDownLatch slow = new CountDownLatch(1);
  private Tomcat tomcat;
  private McpSyncServer server;
  private Path baseDir;

  private FakeMcpServer(String token, int port) {
    this.token = token;
    this.port = port;
  }

  /** Starts one with {@link #TOKEN} on a free port. */
  public static FakeMcpServer start() {
    FakeMcpServer fake = new FakeMcpServer(TOKEN, freePort());
    fake.up();
    return fake;
  }

  /** One with {@link #TOKEN} on a free port, not started: a server that is down. */
  public static FakeMcpServer notStarted() {
    return new FakeMcpServer(TOKEN, freePort());
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  /** The tool calls received, as {@code name arguments}, e.g. {@code get_weather {city=Oslo}}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** Requests turned away for a missing or wrong token. */
  public int refused() {
    return refused.get();
  }

  /** Lets the {@code slow} tool answer now. */
  public void release() {
    slow.countDown();
  }

  /** Adds a tool that answers {@code answer}; connected clients are told the list changed. */
  public void addTool(String name, String answer) {
    SyncToolSpecification tool = tools.text(name, "Added while running", Map.of(), answer);
    added.add(tool);
    if (server != null) {
      server.addTool(tool);
    }
  }

  /** Starts (again) on the same port, with no sessions from before. */
  public synchronized void up() {
    if (tomcat != null) {
      return;
    }
    slow = new CountDownLatch(1);
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    List<SyncToolSpecification> tools = new java.util.ArrayList<>(this.tools.standard());
    tools.addAll(added);
    server =
        McpServer.sync(transport)
            .serverInfo("fake-mcp", "1.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(tools)
            .build();
    try {
      baseDir = Files.createTempDirectory("fake-mcp-");
      tomcat = tomcat(transport);
      tomcat.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("the fake MCP server did not start on port " + port, e);
    }
  }

  /** Stops, as a server that went down: connections are refused until {@link #up()}. */
  public synchronized void down() {
    if (tomcat == null) {
      return;
    }
    slow.countDown();
    server.close();
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("the fake MCP server did not stop", e);
    }
    tomcat = null;
    server = null;
  }

  @Override
  public void close() {
    down();
  }

  private Tomcat tomcat(HttpServletStreamableServerTransportProvider transport) {
    Tomcat created = new Tomcat();
    created.setHostname("127.0.0.1");
    created.setPort(port);
    created.setBaseDir(baseDir.toString());
    created.getConnector().setProperty("address", "127.0.0.1");
    Context context = created.addContext("", baseDir.toString());
    Wrapper wrapper = context.createWrapper();
    wrapper.setName("mcp");
    wrapper.setServlet(transport);
    wrapper.setLoadOnStartup(1);
    wrapper.setAsyncSupported(true);
    context.addChild(wrapper);
    context.addServletMapping("/*", "mcp");
    FilterDef bearer = new FilterDef();
    bearer.setFilter(new BearerCheck());
    bearer.setFilterName("bearer");
    bearer.setAsyncSupported("true");
    context.addFilterDef(bearer);
    FilterMap map = new FilterMap();
    map.setFilterName("bearer");
    map.addURLPattern("/*");
    context.addFilterMap(map);
    return created;
  }

  private void awaitRelease() {
    try {
      // The tool under test answers late on purpose: it waits for the test (or for SLOW).
      boolean released = slow.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
      if (!released) {
        calls.add("slow timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 401 for any request without this server's bearer token. */
  private final class BearerCheck extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
        refused.incrementAndGet();
        response.setHeader("WWW-Authenticate", "Bearer");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
