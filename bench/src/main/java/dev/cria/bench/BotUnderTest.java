package dev.cria.bench;

import dev.cria.process.CriaProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The bot a run measures: Cria's packaged jar, or the Node peer ({@link PeerProcess}). */
interface BotUnderTest extends AutoCloseable {

  long pid();

  URI uri(String path);

  /** Its metrics in Prometheus' text format, where it has them. */
  Optional<String> metrics();

  /** Stops it gracefully, waiting at most {@code wait}. */
  void terminate(Duration wait);

  @Override
  void close();

  static BotUnderTest of(CriaProcess cria) {
    return new BotUnderTest() {
      @Override
      public long pid() {
        return cria.pid();
      }

      @Override
      public URI uri(String path) {
        return cria.uri(path);
      }

      @Override
      public Optional<String> metrics() {
        return Optional.of(cria.get("/prometheus").body());
      }

      @Override
      public void terminate(Duration wait) {
        cria.terminate(wait);
      }

      @Override
      public void close() {
        cria.close();
      }
    };
  }
}
