package dev.cria.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tool-call loop's variables: {@code CRIA_TOOLS_BUILTIN}, {@code CRIA_TIME_ZONE}, bounds. */
class ToolVariablesTest {

  @Test
  void theToolVariablesBecomeTheToolSettings() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "CRIA_TOOLS_BUILTIN", "off",
                "CRIA_TIME_ZONE", "Europe/Paris",
                "CRIA_TOOL_MAX_STEPS", "3",
                "CRIA_TOOL_TIMEOUT", "5",
                "CRIA_TOOL_TOTAL_TIMEOUT", "2m"));

    assertEquals(false, properties.get("cria.tools.builtin"));
    assertEquals("Europe/Paris", properties.get("cria.tools.time-zone"));
    assertEquals(3L, ((Number) properties.get("cria.tools.max-steps")).longValue());
    assertEquals("5s", properties.get("cria.tools.call-timeout"));
    assertEquals("2m", properties.get("cria.tools.total-timeout"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CRIA_TIME_ZONE|Mars/Olympus_Mons",
        "CRIA_TIME_ZONE|CEST+",
        "CRIA_TOOLS_BUILTIN|maybe",
        "CRIA_TOOL_MAX_STEPS|0",
        "CRIA_TOOL_MAX_STEPS|many",
        "CRIA_TOOL_TIMEOUT|0s",
        "CRIA_TOOL_TIMEOUT|soon",
        "CRIA_TOOL_TOTAL_TIMEOUT|0",
      })
  void aBadValueStopsStartupNamingTheVariable(String name, String value) {
    ConfigException error =
        assertThrows(
            ConfigException.class, () -> EnvironmentVariables.toProperties(Map.of(name, value)));

    assertTrue(error.getMessage().startsWith(name + " "), error.getMessage());
    assertTrue(error.getMessage().contains(value), error.getMessage());
  }
}
