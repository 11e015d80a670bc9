package dev.cria.store;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL for the console's reports, which are joins and groupings the repositories do not model.
 * Each runs in its own transaction on the application's data source; the SQL runs unchanged on H2
 * and PostgreSQL.
 */
final class SqlReads {

  /** Reads one row. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final TransactionOperations<Connection> transactions;

  SqlReads(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
              List<T> result = new ArrayList<>();
              while (rows.next()) {
                result.add(mapper.map(rows));
              }
              return result;
            }
          }
        });
  }

  long count(String sql, Object... parameters) {
    return list(sql, row -> row.getLong(1), parameters).stream().findFirst().orElse(0L);
  }

  int update(String sql, Object... parameters) {
    return transactions.executeWrite(
        status -> {
          try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
          }
        });
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp time = row.getTimestamp(column);
    return time == null ? null : time.toInstant();
  }

  static Integer integer(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value instanceof Instant time) {
        statement.setTimestamp(i + 1, Timestamp.from(time));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
