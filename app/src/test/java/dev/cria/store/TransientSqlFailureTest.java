package dev.cria.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.core.StoreException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientSqlFailureTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "40001", "40P01", "53300"
      })
  void restartsBrokenConnectionsAndConflictsAreTransient(String state) {
    assertTrue(TransientSqlFailure.isTransient(new SQLException("boom", state)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "22001", "42P01", "42601", "XX000"})
  void constraintsBadSqlAndInternalErrorsAreNot(String state) {
    assertFalse(TransientSqlFailure.isTransient(new SQLException("boom", state)));
  }

  @Test
  void aPoolTimeoutIsTransient() {
    // What HikariCP throws when no connection came free within connectionTimeout.
    var timeout =
        new SQLTransientConnectionException(
            "default - Connection is not available, request timed out");
    assertTrue(TransientSqlFailure.isTransient(timeout));
  }

  @Test
  void theCauseIsFoundUnderTheDataLayersWrapping() {
    var wrapped =
        new DataAccessException(
            "Error executing SQL UPDATE",
            new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")));
    assertTrue(TransientSqlFailure.isTransient(wrapped));
    assertFalse(TransientSqlFailure.isTransient(new DataAccessException("no SQL cause")));
    assertFalse(TransientSqlFailure.isTransient(new SQLException("no state")));
  }

  @Test
  void aConnectionThePoolHadClosedIsTransient() {
    // Seen in PostgresRestartIT: the pool hands out a connection the restart broke.
    var closed =
        new ConnectionException(
            "Could not set JDBC Connection [HikariProxyConnection@1] read-only: Connection is closed",
            new SQLException("Connection is closed"));
    assertTrue(TransientSqlFailure.isTransient(closed));
    assertTrue(
        TransientSqlFailure.isTransient(
            new DataAccessException("query", new SQLException("Connection is closed"))));
    assertTrue(
        TransientSqlFailure.isTransient(new CannotCreateTransactionException("no connection")));
  }

  @Test
  void aChainedNextExceptionCounts() {
    var batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("connection lost", "08006"));
    assertTrue(TransientSqlFailure.isTransient(batch));
  }

  @Test
  void aTransientFailureIsRetriedInPlaceUntilItPasses() {
    var retry = new TransientSqlRetry(List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
    AtomicInteger calls = new AtomicInteger();
    String result =
        retry.run(
            "step",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new DataAccessException("down", new SQLException("down", "57P01"));
              }
              return "done";
            });
    assertEquals("done", result);
    assertEquals(3, calls.get());
  }

  @Test
  void aTransientFailureThatLastsComesOutMarkedTransient() {
    var retry = new TransientSqlRetry(List.of(Duration.ofMillis(1)));
    AtomicInteger calls = new AtomicInteger();
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                retry.run(
                    "finishing event 7",
                    () -> {
                      calls.incrementAndGet();
                      throw new DataAccessException("down", new SQLException("refused", "08001"));
                    }));
    assertTrue(e.transientCause());
    assertEquals(2, calls.get());
    assertTrue(e.getMessage().startsWith("finishing event 7 failed"), e.getMessage());
  }

  @Test
  void aFailureThatIsNotTransientIsNotRetried() {
    var retry = new TransientSqlRetry(List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
    AtomicInteger calls = new AtomicInteger();
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                retry.run(
                    "storing answer",
                    () -> {
                      calls.incrementAndGet();
                      throw new DataAccessException("too long", new SQLException("long", "22001"));
                    }));
    assertFalse(e.transientCause());
    assertEquals(1, calls.get());
  }

  @Test
  void theWorkerLeavesAQuarterOfThePoolToTheAckPath() {
    assertEquals(8, WorkerDatabaseShare.share(10));
    assertEquals(1, WorkerDatabaseShare.share(2));
    assertEquals(1, WorkerDatabaseShare.share(1));
    assertEquals(15, WorkerDatabaseShare.share(20));
  }
}
