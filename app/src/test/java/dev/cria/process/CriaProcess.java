package dev.cria.process;

import dev.cria.testing.Await;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Cria's jar running as a child process with only the environment a test gives it, for tests that
 * need a real process: SIGTERM ({@link #terminate}), SIGKILL ({@link #kill}), several replicas on
 * one database. Its stdout and stderr go to a log file the test can read. A process is killed when
 * the test closes it and, failing that, when the test JVM exits.
 */
public final class CriaProcess implements AutoCloseable {

  /**
   * The flags the container image starts Cria with, less its AOT cache (which only the image has;
   * {@code AotCacheIT} makes one).
   */
  public static final List<String> IMAGE_JVM_OPTIONS =
      List.of("-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

  /**
   * Small and quick to start, for tests that run several replicas on two cores beside the test and
   * PostgreSQL: the client compiler only and the serial collector.
   */
  public static final List<String> SMALL_JVM_OPTIONS =
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
   * Starts {@code jar} as the image does, with exactly {@code env} plus {@code PORT} (a free one),
   * logging to {@code log}, and waits until {@code /health} answers 200.
   */
  public static CriaProcess start(Path jar, Map<String, String> env, Path log, Duration startup) {
    return launch(
        jar.getFileName().toString(), jar, IMAGE_JVM_OPTIONS, env, log, startup, "/health");
  }

  /**
   * Starts the packaged {@code app/target/cria.jar} (built by {@code package}, before failsafe's
   * {@code *IT}) small, with exactly {@code env} plus {@code PORT}, logging to {@code
   * target/process-logs/NAME-*.log}, and waits until {@code /health} answers 200.
   */
  public static CriaProcess start(String name, Map<String, String> env, Duration startup) {
    return startPackaged(name, env, startup, "/health");
  }

  /**
   * Like {@link #start(String, Map, Duration)}, but waits only until {@code /health/liveness}
   * answers 200: for a Cria that is up but cannot connect to a platform, so {@code /health} says
   * DOWN.
   */
  public static CriaProcess startAlive(String name, Map<String, String> env, Duration startup) {
    return startPackaged(name, env, startup, "/health/liveness");
  }

  /**
   * Starts {@code jar} (any build of Cria) small and waits until {@code /health/liveness} is 200.
   */
  public static CriaProcess startAlive(
      Path jar, String name, Map<String, String> env, Duration startup) {
    return launch(name, jar, SMALL_JVM_OPTIONS, env, logFile(name), startup, "/health/liveness");
  }

  private static CriaProcess startPackaged(
      String name, Map<String, String> env, Duration startup, String readyPath) {
    Path jar = target().resolve("cria.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: *IT tests run after `package` (./mvnw verify)");
    }
    return launch(name, jar, SMALL_JVM_OPTIONS, env, logFile(name), startup, readyPath);
  }

  /** The jar {@code package} built: {@code app/target/cria.jar}. */
  public static Path packagedJar() {
    return target().resolve("cria.jar");
  }

  private static Path target() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
  }

  private static Path logFile(String name) {
    try {
      Path logs = Files.createDirectories(target().resolve("process-logs"));
      return logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CriaProcess launch(
      String name,
      Path jar,
      List<String> jvmOptions,
      Map<String, String> env,
      Path log,
      Duration startup,
      String readyPath) {
    try {
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString()));
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
      cria.awaitReady(startup, readyPath);
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

  /** A GET; a refused or reset connection comes back as an {@link UncheckedIOException}. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build());
  }

  /** A POST; a refused or reset connection comes back as an {@link UncheckedIOException}. */
  public HttpResponse<String> post(
      String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM, as {@code docker stop} and the kubelet do, and returns the exit code. */
  public int terminate(Duration wait) {
    process.destroy();
    return awaitExit(wait, "SIGTERM");
  }

  /** Sends SIGKILL, as the OOM killer or a lost node would, and waits until it is gone. */
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
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(name + " did not exit within " + wait + " of " + signal + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted waiting for " + name + " to exit", e);
    }
    RUNNING.remove(process);
    return process.exitValue();
  }

  private void awaitReady(Duration startup, String readyPath) {
    try {
      Await.until(startup, name + ": " + readyPath + " UP", () -> ready(readyPath));
    } catch (AssertionError notReady) {
      close();
      throw new AssertionError(notReady.getMessage() + tail(), notReady);
    }
  }

  /** Whether the readiness endpoint answers 200; fails at once when the process has exited. */
  private boolean ready(String readyPath) {
    if (!process.isAlive()) {
      RUNNING.remove(process);
      throw new AssertionError(name + " exited with " + process.exitValue() + tail());
    }
    try {
      return get(readyPath).statusCode() == 200;
    } catch (UncheckedIOException notYet) {
      return false; // not listening yet
    }
  }

  private String tail() {
    String text = log();
    return "; log " + log + ":\n" + text.substring(Math.max(0, text.length() - 20_000));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
