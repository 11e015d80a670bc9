package dev.cria.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log lines written while it is open, with their MDC, as logback recorded them. */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  /** The lines logged about one event (MDC key {@code event}) at WARN or above. */
  public List<ILoggingEvent> warningsAbout(String eventId) {
    return appender.list.stream()
        .filter(line -> line.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .filter(line -> eventId.equals(line.getMDCPropertyMap().get("event")))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
