package dev.cria.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code app/target/cria.jar} as a child process: started with a clean environment (only what the
 * benchmark sets), its output in a log file, ready once {@code GET /health} answers 200, stopped
 * with SIGTERM (then SIGKILL) at the end.
 */
final class CriaProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Path log;

  private CriaProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static CriaProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      CriaProcess cria = new CriaProcess(builder.start(), port, log);
      cria.awaitHealthy();
      return cria;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + jar, e);
    }
  }

  long pid() {
    return process.pid();
  }

  URI eventsUri() {
    return URI.create("http://127.0.0.1:" + port + "/slack/events");
  }

  /** Saves Cria's own metrics ({@code GET /prometheus}) for a closer look after the run. */
  void saveMetrics(Path file) {
    HttpRequest metrics =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      client.send(metrics, HttpResponse.BodyHandlers.ofFile(file));
    } catch (IOException e) {
      System.err.println("Could not read Cria's metrics: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Cria exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(200);
    }
    close();
    throw new IllegalStateException("Cria was not healthy within " + STARTUP + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
