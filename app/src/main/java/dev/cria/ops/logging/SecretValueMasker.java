package dev.cria.ops.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/**
 * The JSON format's counterpart of {@link SecretValueConverter}: every string value of a log object
 * (message, stack trace, MDC fields) with the configured secrets replaced by {@code ***}.
 */
public class SecretValueMasker implements ValueMasker {

  @Override
  public Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence text) {
      String original = text.toString();
      String masked = ConfiguredSecrets.fromEnvironment().mask(original);
      return masked.equals(original) ? null : masked;
    }
    return null;
  }
}
