package dev.cria.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The tool-call loop's bounds and the built-in tool ({@code CRIA_TOOL*}, {@code CRIA_TIME_ZONE}). A
 * zone Java does not know stops startup: a typo would otherwise tell every asker a wrong time.
 */
final class ToolVariables {

  private final VariableReader read;

  ToolVariables(VariableReader read) {
    this.read = read;
  }

  void read() {
    read.onOff("CRIA_TOOLS_BUILTIN", "cria.tools.builtin");
    String zone = read.value("CRIA_TIME_ZONE");
    if (zone != null) {
      try {
        read.put("cria.tools.time-zone", ZoneId.of(zone).getId());
      } catch (DateTimeException e) {
        throw new ConfigException(
            "CRIA_TIME_ZONE must be a time zone such as UTC, Europe/Paris or America/New_York,"
                + " got: "
                + zone);
      }
    }
    read.integer("CRIA_TOOL_MAX_STEPS", "cria.tools.max-steps", 1, 50);
    positiveDuration("CRIA_TOOL_TIMEOUT", "cria.tools.call-timeout");
    positiveDuration("CRIA_TOOL_TOTAL_TIMEOUT", "cria.tools.total-timeout");
  }

  private void positiveDuration(String name, String property) {
    read.duration(name, property);
    String value = read.value(name);
    if (value != null && value.matches("0+(ms|s|m|h)?")) {
      throw new ConfigException(name + " must be longer than 0, got: " + value);
    }
  }
}
