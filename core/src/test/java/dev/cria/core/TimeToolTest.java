package dev.cria.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cria.core.ToolSource.ToolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The built-in {@code current_time} tool, on a fixed clock. */
class TimeToolTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:30:15.123Z");

  @Test
  void answersTheDateTimeWeekdayAndZoneInTheConfiguredZone() {
    TimeTool tool = new TimeTool(Clock.fixed(NOW, ZoneId.of("America/New_York")));

    String answer = tool.call(TimeTool.NAME, "{}", Duration.ofSeconds(1));

    assertEquals(
        "2026-12-04T14:30:15-05:00 (Friday 4 December 2026, 14:30, time zone America/New_York)",
        answer);
  }

  @Test
  void offersOneToolWithNoArgumentsThatChangesNothing() {
    ToolSpec spec = new TimeTool(Clock.systemUTC()).tools().getFirst();

    assertEquals(TimeTool.NAME, spec.name());
    assertEquals("{\"type\":\"object\",\"properties\":{}}", spec.parametersSchema());
    assertEquals(false, spec.sideEffecting());
  }

  @Test
  void anotherNameIsRefusedInWords() {
    TimeTool tool = new TimeTool(Clock.systemUTC());

    ToolException e =
        assertThrows(ToolException.class, () -> tool.call("weather", "{}", Duration.ofSeconds(1)));

    assertEquals("There is no tool named weather.", e.getMessage());
  }
}
