package dev.cria.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Cria's packaged jar ({@code app/target/cria.jar}) running as a child process with only the
 * environment a test gives it, for tests that need a real process: SIGTERM ({@link #terminate}),
 * SIGKILL ({@link #kill}), several replicas on one database. Its output goes to a log file under
 * {@code target/process-logs/}. Every process is killed when the test closes it, and, failing that,
 * when the test JVM exits.
 */
public final class CriaProcess implements AutoCloseable {

  /**
   * Small and quick to start: several of these share two cores with the test and PostgreSQL, so the
   * client compiler only and the serial collector.
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx384m",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xss512k");

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;

  private CriaProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the jar with exactly {@code env} plus {@code PORT} (a free one) and waits until {@code
   * /health} answers 200.
   *
   * @param name names the log file, e.g. {@code replica-a}
   */
  public static CriaProcess start(String name, Map<String, String> env, Duration startup) {
    try {
      int port = freePort();
      Path log = logFile(name);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-jar");
      command.add(CriaJar.path().toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().clear();
      builder.environment().putAll(env);
      builder.environment().put("PORT", String.valueOf(port));
      Process process = builder.start();
      RUNNING.add(process);
      CriaProcess cria = new CriaProcess(name, process, log, port);
      cria.awaitHealthy(startup);
      return cria;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  /** The operating system's id for the process (Cria's queue owner names start with it). */
  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Posts a body; a refused or reset connection comes back as an {@link IOException}. */
  public HttpResponse<String> post(
      String path, String contentType, String body, Map<String, String> headers)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Whether {@code /health} answers 200 right now. */
  public boolean healthy() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends SIGTERM and waits for the exit; returns the exit code. */
  public int terminate(Duration wait) {
    process.destroy();
    return awaitExit(wait, "SIGTERM");
  }

  /** Sends SIGKILL, as the OOM killer or a node failure would, and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10), "SIGKILL");
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Path logFile() {
    return log;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(10), "SIGKILL");
    }
    RUNNING.remove(process);
  }

  private int awaitExit(Duration wait, String signal) {
    try {
      if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not exit within " + wait + " of " + signal);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted waiting for " + name + " to exit", e);
    }
    RUNNING.remove(process);
    return process.exitValue();
  }

  private void awaitHealthy(Duration startup) {
    Instant deadline = Instant.now().plus(startup);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        RUNNING.remove(process);
        throw new AssertionError(
            name
                + " exited with "
                + process.exitValue()
                + " at startup; log "
                + log
                + ":\n"
                + log());
      }
      if (healthy()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new AssertionError(name + ": /health not UP within " + startup + "; log " + log);
  }

  private static Path logFile(String name) throws IOException {
    Path dir = CriaJar.buildDirectory().resolve("process-logs");
    Files.createDirectories(dir);
    return dir.resolve(name + "-" + System.currentTimeMillis() + ".log");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
