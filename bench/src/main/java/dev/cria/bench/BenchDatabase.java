package dev.cria.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one run: an embedded H2 file database in a new directory, or a new
 * schema in the local PostgreSQL (dropped afterwards). Gives the environment that points Cria at
 * it.
 */
abstract sealed class BenchDatabase implements AutoCloseable {

  abstract Map<String, String> environment();

  /** A connection to the database Cria used; for H2 only once Cria has stopped. */
  abstract Connection connect() throws SQLException;

  /**
   * Of these events (Slack event ids), how many Cria had stored but not finished by {@code tally},
   * or finished only after it: answers that were late, not lost. Call after Cria has stopped.
   */
  int lateEvents(Collection<String> eventIds, Instant tally) {
    Set<String> wanted = new HashSet<>(eventIds);
    int late = 0;
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT event_id, status, finished_at FROM inbound_event WHERE platform = 'slack'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        Timestamp finished = rows.getTimestamp(3);
        boolean open = !rows.getString(2).equals("DONE") && !rows.getString(2).equals("FAILED");
        if (wanted.contains(rows.getString(1))
            && (open || finished == null || finished.toInstant().isAfter(tally))) {
          late++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read Cria's queue: " + e.getMessage(), e);
    }
    return late;
  }

  /** The database of a bot that keeps none (the Node peer reads the history from Slack). */
  static final String NONE = "-";

  static BenchDatabase create(String kind, BenchOptions options, Path runDir) {
    return switch (kind) {
      case "h2" -> new H2(runDir.resolve("data"));
      case "postgres" ->
          new Postgres(options.postgresUrl(), options.postgresUser(), options.postgresPassword());
      case NONE -> new None();
      default -> throw new IllegalArgumentException("--db is h2 or postgres, not " + kind);
    };
  }

  @Override
  public abstract void close();

  static final class None extends BenchDatabase {

    @Override
    Map<String, String> environment() {
      return Map.of();
    }

    @Override
    Connection connect() throws SQLException {
      throw new SQLException("this run keeps no database");
    }

    /** A bot without a queue has nothing late: what it did not answer is lost. */
    @Override
    int lateEvents(Collection<String> eventIds, Instant tally) {
      return 0;
    }

    @Override
    public void close() {}
  }

  static final class H2 extends BenchDatabase {
    private final Path dir;

    H2(Path dir) {
      this.dir = dir.toAbsolutePath();
    }

    @Override
    Map<String, String> environment() {
      return Map.of("CRIA_DATA_DIR", dir.toString());
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(
          "jdbc:h2:file:" + dir.resolve("cria") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
          "sa",
          "");
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
    Connection connect() throws SQLException {
      Connection connection = DriverManager.getConnection(url, user, password);
      connection.setSchema(schema);
      return connection;
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
