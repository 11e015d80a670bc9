package dev.cria.store;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells the database failures that pass by themselves (the server restarting or failing over, a
 * broken connection, a pool that had no connection in time, a serialization failure or deadlock)
 * from those that will fail again (bad SQL, a constraint, a value too long).
 */
final class TransientSqlFailure {

  /**
   * SQLSTATEs that are transient whatever the class: the server shutting down or starting ({@code
   * 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot connect now), {@code
   * 40001} serialization failure, {@code 40P01} deadlock, {@code 53300} too many connections.
   */
  private static final Set<String> STATES =
      Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");

  /** Class 08: connection exceptions (refused, broken, lost during a statement). */
  private static final String CONNECTION_CLASS = "08";

  /**
   * What HikariCP's stand-in for a connection it has closed (one the server broke) says, without a
   * SQLSTATE.
   */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  private static final int MAX_DEPTH = 16;

  private TransientSqlFailure() {}

  /** Whether {@code failure}, or any of its causes, is a transient database failure. */
  static boolean isTransient(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (current instanceof SQLException sql && isTransient(sql)) {
        return true;
      }
      // Getting or setting up a connection failed (e.g. the pool handed out one the restart broke).
      if (current instanceof ConnectionException
          || current instanceof CannotCreateTransactionException) {
        return true;
      }
      current = current.getCause();
    }
    return false;
  }

  private static boolean isTransient(SQLException sql) {
    // HikariCP's "Connection is not available, request timed out" is an SQLTransientException.
    if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
      return true;
    }
    String state = sql.getSQLState();
    if (state == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
      return true;
    }
    if (state != null && (STATES.contains(state) || state.startsWith(CONNECTION_CLASS))) {
      return true;
    }
    SQLException next = sql.getNextException();
    return next != null && next != sql && isTransient(next);
  }
}
