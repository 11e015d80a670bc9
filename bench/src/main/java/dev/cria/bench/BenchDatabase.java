package dev.cria.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one run: an embedded H2 file database in a new directory, or a new
 * schema in the local PostgreSQL (dropped afterwards). Gives the environment that points Cria at
 * it.
 */
abstract sealed class BenchDatabase implements AutoCloseable {

  abstract Map<String, String> environment();

  static BenchDatabase create(String kind, BenchOptions options, Path runDir) {
    return switch (kind) {
      case "h2" -> new H2(runDir.resolve("data"));
      case "postgres" ->
          new Postgres(options.postgresUrl(), options.postgresUser(), options.postgresPassword());
      default -> throw new IllegalArgumentException("--db is h2 or postgres, not " + kind);
    };
  }

  @Override
  public abstract void close();

  static final class H2 extends BenchDatabase {
    private final Path dir;

    H2(Path dir) {
      this.dir = dir;
    }

    @Override
    Map<String, String> environment() {
      return Map.of("CRIA_DATA_DIR", dir.toString());
    }

    @Override
    public void close() {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class Postgres extends BenchDatabase {
    private final String url;
    private final String user;
    private final String password;
    private final String schema =
        "cria_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    Postgres(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
      execute("CREATE SCHEMA " + schema);
    }

    @Override
    Map<String, String> environment() {
      String separator = url.contains("?") ? "&" : "?";
      return Map.of(
          "DATABASE_URL", url + separator + "currentSchema=" + schema,
          "DATABASE_USER", user,
          "DATABASE_PASSWORD", password);
    }

    @Override
    public void close() {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
      }
    }
  }
}
