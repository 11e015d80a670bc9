package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's HEALTHCHECK program (deploy/docker/HealthCheck.java), compiled the way the Dockerfile
 * compiles it and run as its own process against a local HTTP server standing in for Cria.
 */
class HealthCheckProbeTest {

  @TempDir static Path classes;

  private HttpServer server;
  private final AtomicReference<String> requestedPath = new AtomicReference<>();

  @BeforeAll
  static void compile() {
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--release",
                "21",
                "-d",
                classes.toString(),
                DeployFiles.path("deploy/docker/HealthCheck.java").toString());
    assertEquals(0, status, "HealthCheck.java does not compile");
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void healthyWhenHealthAnswers200() throws Exception {
    int port = serve(200, "{\"status\":\"UP\"}");

    assertEquals(0, runProbe(port));
    assertEquals("/health", requestedPath.get());
  }

  @Test
  void unhealthyWhenHealthAnswers503() throws Exception {
    int port = serve(503, "{\"status\":\"DOWN\"}");

    assertEquals(1, runProbe(port));
  }

  @Test
  void unhealthyWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertEquals(1, runProbe(port));
  }

  private int serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requestedPath.set(exchange.getRequestURI().getPath());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  private static int runProbe(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(java, "-Xmx16m", "-cp", classes.toString(), "HealthCheck", "/health"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", String.valueOf(port));
    Process process = builder.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe did not finish");
    return process.exitValue();
  }
}
