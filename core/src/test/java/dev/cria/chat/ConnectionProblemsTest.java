package dev.cria.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConnectionProblemsTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("connection-problems-test");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final ConnectionProblems problems = new ConnectionProblems(logger);

  @BeforeEach
  void capture() {
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @Test
  void theSameCauseIsWarnedOnceThenOnlyAtDebug() {
    problems.failed("Slack is not connected: check SLACK_BOT_TOKEN", new IOException("refused"));
    problems.failed("Slack is not connected: check SLACK_BOT_TOKEN", new IOException("refused"));
    problems.failed("Slack is not connected: check SLACK_BOT_TOKEN", new IOException("refused"));

    assertEquals(List.of(Level.WARN, Level.DEBUG, Level.DEBUG), levels());
    assertEquals(
        "Slack is not connected: check SLACK_BOT_TOKEN (java.io.IOException: refused)",
        appender.list.getFirst().getFormattedMessage());
  }

  @Test
  void aNewCauseIsWarnedAgainAndARecoveryResetsTheMemory() {
    problems.failed("down", new IOException("refused"));
    problems.failed("down", new IllegalStateException("gateway closed: 4004"));
    problems.recovered("connected");
    problems.failed("down", new IOException("refused"));

    assertEquals(List.of(Level.WARN, Level.WARN, Level.INFO, Level.WARN), levels());
    assertEquals(
        "connected (after: java.lang.IllegalStateException: gateway closed: 4004)",
        appender.list.get(2).getFormattedMessage());
  }

  @Test
  void aMissingClassIsFoundAmongTheCauses() {
    Throwable failure =
        new IllegalStateException(
            "wrapped", new NoClassDefFoundError("org/java_websocket/client/WebSocketClient"));

    assertEquals(
        "org/java_websocket/client/WebSocketClient", ConnectionProblems.missingClass(failure));
    assertNull(ConnectionProblems.missingClass(new IOException("refused")));
  }

  @Test
  void onlyErrorsTheJvmCannotGoOnAfterAreRethrown() {
    ConnectionProblems.rethrowIfFatal(new NoClassDefFoundError("x"));
    assertThrows(
        OutOfMemoryError.class, () -> ConnectionProblems.rethrowIfFatal(new OutOfMemoryError()));
  }

  private List<Level> levels() {
    return appender.list.stream().map(ILoggingEvent::getLevel).toList();
  }
}
