package dev.cria.chat;

import java.util.Objects;
import org.slf4j.Logger;

/**
 * Logs a failing connection once per cause: the first failure of a kind at WARN with what to check,
 * the same failure again on the next retries only at DEBUG, and the recovery at INFO. So a
 * connection that keeps failing is never silent and never floods the log.
 */
public final class ConnectionProblems {

  private final Logger log;
  private String lastCause;

  public ConnectionProblems(Logger log) {
    this.log = log;
  }

  /**
   * Reports a failed attempt.
   *
   * @param advice what failed and what the operator should check, naming the variable; no secret
   * @param cause the failure, whose class and message decide whether it is a new cause
   */
  public synchronized void failed(String advice, Throwable cause) {
    String key = cause.getClass().getName() + ": " + cause.getMessage();
    if (Objects.equals(key, lastCause)) {
      log.debug("{} (again: {})", advice, key);
      return;
    }
    lastCause = key;
    log.warn("{} ({})", advice, key);
  }

  /** Reports that the connection works again; the next failure is logged as new. */
  public synchronized void recovered(String message) {
    if (lastCause != null) {
      log.info("{} (after: {})", message, lastCause);
    } else {
      log.info(message);
    }
    lastCause = null;
  }

  /**
   * The class a failure says is missing from the jar ({@code NoClassDefFoundError}, {@code
   * ClassNotFoundException} anywhere in its causes), or null.
   */
  public static String missingClass(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LinkageError || t instanceof ClassNotFoundException) {
        return t.getMessage();
      }
    }
    return null;
  }

  /** The advice for a class missing from the jar. */
  public static String missingClassAdvice(String missing) {
    return "a class is missing from Cria's jar ("
        + missing
        + "); this is a packaging bug, rebuild with ./mvnw package or use a released image";
  }

  /**
   * Errors a connection attempt must survive (a class missing from the jar is a {@link
   * LinkageError}), as opposed to those the JVM cannot go on after.
   */
  public static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }
}
