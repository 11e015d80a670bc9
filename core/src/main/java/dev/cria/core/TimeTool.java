package dev.cria.core;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The built-in tool: the current date and time in the configured zone ({@code CRIA_TIME_ZONE}).
 * Models do not know the date; this is the question they most often get wrong. Switched off with
 * {@code CRIA_TOOLS_BUILTIN=false}.
 */
@Singleton
@Requires(property = "cria.tools.builtin", notEquals = "false")
public final class TimeTool implements ToolSource {

  static final String NAME = "current_time";
  private static final DateTimeFormatter SPOKEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  private static final ToolSpec SPEC =
      new ToolSpec(
          NAME,
          "The current date, time, weekday and time zone. Use it whenever the answer depends on"
              + " today's date or the time now.",
          "{\"type\":\"object\",\"properties\":{}}",
          false);

  private final Clock clock;

  @Inject
  TimeTool(ToolSettings settings) {
    this(Clock.system(ZoneId.of(settings.timeZone())));
  }

  TimeTool(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<ToolSpec> tools() {
    return List.of(SPEC);
  }

  @Override
  public String call(String name, String argumentsJson, Duration timeout) {
    if (!NAME.equals(name)) {
      throw new ToolException("There is no tool named " + name + ".");
    }
    ZonedDateTime now = ZonedDateTime.now(clock).withNano(0);
    return now.toOffsetDateTime()
        + " ("
        + SPOKEN.format(now)
        + ", time zone "
        + now.getZone()
        + ")";
  }
}
