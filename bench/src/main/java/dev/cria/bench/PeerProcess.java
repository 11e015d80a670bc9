package dev.cria.bench;

import dev.cria.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Node Bolt bot of {@code bench/peer/bot.js} as a child process, given the same fakes as Cria.
 * Its npm dependencies are installed from the lockfile ({@code npm ci}) when they are missing.
 */
final class PeerProcess implements BotUnderTest {

  static final Path DIRECTORY = Path.of("bench", "peer");

  private final Process process;
  private final int port;

  private PeerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static PeerProcess start(Map<String, String> env, Path log, Duration startup) {
    installDependencies(log);
    try {
      int port = freePort();
      ProcessBuilder builder =
          new ProcessBuilder("node", "bot.js")
              .directory(DIRECTORY.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      builder.environment().put("PORT", String.valueOf(port));
      PeerProcess peer = new PeerProcess(builder.start(), port);
      Await.until(
          startup,
          "the Node peer listens on port " + port + " (log: " + log + ")",
          peer::listening);
      return peer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void installDependencies(Path log) {
    if (Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
      return;
    }
    try {
      Process npm =
          new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
              .directory(DIRECTORY.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (npm.waitFor() != 0) {
        throw new IllegalStateException("npm ci failed in " + DIRECTORY + ": see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean listening() {
    if (!process.isAlive()) {
      throw new IllegalStateException("the Node peer exited with " + process.exitValue());
    }
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return socket.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public Optional<String> metrics() {
    return Optional.empty();
  }

  @Override
  public void terminate(Duration wait) {
    process.destroy();
    try {
      if (!process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      terminate(Duration.ofSeconds(5));
    }
  }
}
