package dev.cria.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders one log event through the production {@code logback.xml} in a private logger context,
 * without touching the test run's own logging: the format is picked the way {@code
 * Application.main} picks it, through the {@code cria.log.format} property.
 */
final class LogRendering {

  private LogRendering() {}

  static String render(String format, String message, Map<String, String> mdc, Throwable error) {
    LoggerContext context = configuredContext(format);
    try {
      Logger logger = context.getLogger(LogFormatTest.class);
      LoggingEvent event =
          new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, error, null);
      event.setMDCPropertyMap(mdc);
      @SuppressWarnings("unchecked")
      var appender =
          (OutputStreamAppender<ILoggingEvent>)
              context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);
      if (appender == null) {
        throw new AssertionError("logback.xml attaches no appender named " + format);
      }
      return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    } finally {
      context.stop();
    }
  }

  private static LoggerContext configuredContext(String format) {
    URL config = LogRendering.class.getResource("/logback.xml");
    if (config == null) {
      throw new AssertionError("logback.xml is not on the classpath");
    }
    LoggerContext context = new LoggerContext();
    context.putProperty("cria.log.format", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new AssertionError("logback.xml does not load", e);
    }
    var errors =
        context.getStatusManager().getCopyOfStatusList().stream()
            .filter(status -> status.getLevel() >= Status.WARN)
            .filter(status -> !status.getMessage().contains("not referenced"))
            .toList();
    if (!errors.isEmpty()) {
      throw new AssertionError("logback.xml reports problems: " + errors);
    }
    return context;
  }
}
