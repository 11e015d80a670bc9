package dev.cria.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private in-memory H2, or a fresh schema in the local PostgreSQL. The
 * PostgreSQL server is {@code CRIA_TEST_DATABASE_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}); tests that need it are skipped
 * with the reason when it cannot be reached.
 */
public final class TestDatabases {

  public static final String POSTGRES_URL =
      System.getenv()
          .getOrDefault("CRIA_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER =
      System.getenv().getOrDefault("CRIA_TEST_DATABASE_USER", "postgres");
  public static final String POSTGRES_PASSWORD =
      System.getenv().getOrDefault("CRIA_TEST_DATABASE_PASSWORD", "");

  private TestDatabases() {}

  /** Datasource properties for a new, empty in-memory H2 database. */
  public static Map<String, Object> h2() {
    String name = "cria_" + UUID.randomUUID().toString().replace("-", "");
    return datasource(
        "jdbc:h2:mem:" + name + ";" + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "", "org.h2.Driver");
  }

  /** Options that make H2 accept the schema and queries written for PostgreSQL. */
  public static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * Datasource properties for a new schema in the local PostgreSQL, or a skipped test when there is
   * none. Call {@link #dropSchema} when done.
   */
  public static Map<String, Object> postgres(String schema) {
    try (Connection connection = connectPostgres();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort(
          "PostgreSQL not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")");
    }
    String separator = POSTGRES_URL.contains("?") ? "&" : "?";
    return datasource(
        POSTGRES_URL + separator + "currentSchema=" + schema,
        POSTGRES_USER,
        POSTGRES_PASSWORD,
        "org.postgresql.Driver");
  }

  public static String newSchemaName() {
    return "cria_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static void dropSchema(String schema) {
    try (Connection connection = connectPostgres();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // The server went away after the test: nothing left to drop.
    }
  }

  /**
   * Runs a query in a schema of the local PostgreSQL; returns the first column of the first row.
   */
  public static long count(String schema, String sql) {
    try (Connection connection = connectPostgres();
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      try (java.sql.ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs a query in a schema and returns its first column, every row. */
  public static java.util.List<String> strings(String schema, String sql) {
    try (Connection connection = connectPostgres();
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      java.util.List<String> values = new java.util.ArrayList<>();
      try (java.sql.ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static Connection connectPostgres() throws SQLException {
    DriverManager.setLoginTimeout(3);
    return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
  }

  private static Map<String, Object> datasource(
      String url, String user, String password, String driver) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("datasources.default.url", url);
    properties.put("datasources.default.username", user);
    properties.put("datasources.default.password", password);
    properties.put("datasources.default.driver-class-name", driver);
    properties.put("datasources.default.dialect", "POSTGRES");
    properties.put("datasources.default.maximum-pool-size", 8);
    properties.put("flyway.datasources.default.enabled", true);
    return properties;
  }
}
