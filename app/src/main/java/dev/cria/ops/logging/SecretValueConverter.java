package dev.cria.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %secrets(...)} in {@code logback.xml}'s text pattern: what it wraps, with every configured
 * secret ({@link ConfiguredSecrets}) replaced by {@code ***}.
 */
public class SecretValueConverter extends CompositeConverter<ILoggingEvent> {

  @Override
  protected String transform(ILoggingEvent event, String in) {
    return ConfiguredSecrets.fromEnvironment().mask(in);
  }
}
