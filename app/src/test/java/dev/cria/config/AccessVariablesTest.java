package dev.cria.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code CRIA_ALLOW_*} and {@code CRIA_ADMINS} variables. */
class AccessVariablesTest {

  @Test
  void unsetListsLetEveryoneIn() {
    Map<String, Object> properties = EnvironmentVariables.toProperties(Map.of());

    assertTrue(properties.keySet().stream().noneMatch(key -> key.startsWith("cria.access.")));
  }

  @Test
  void listsAreCommaSeparatedIds() {
    Map<String, Object> properties =
        EnvironmentVariables.toProperties(
            Map.of(
                "CRIA_ALLOW_SLACK_CHANNELS", "C012AB3C4, G0PRIVATE",
                "CRIA_ALLOW_DISCORD_ROLES", "1350000000000000700",
                "CRIA_ALLOW_SLACK_DMS", "off",
                "CRIA_ADMINS", "U0BOSS,1350000000000000300"));

    assertEquals(List.of("C012AB3C4", "G0PRIVATE"), properties.get("cria.access.slack-channels"));
    assertEquals(List.of("1350000000000000700"), properties.get("cria.access.discord-roles"));
    assertEquals(false, properties.get("cria.access.slack-dms"));
    assertEquals(List.of("U0BOSS", "1350000000000000300"), properties.get("cria.access.admins"));
    assertFalse(properties.containsKey("cria.access.discord-dms"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CRIA_ALLOW_SLACK_TEAMS|T012AB3C4,,T0OTHER",
        "CRIA_ALLOW_SLACK_CHANNELS|#general",
        "CRIA_ALLOW_SLACK_USERS|u012ab3c4",
        "CRIA_ALLOW_DISCORD_GUILDS|Llama Farm",
        "CRIA_ALLOW_DISCORD_CHANNELS|1350000000000000200;1350000000000000201",
        "CRIA_ALLOW_DISCORD_ROLES|@admins",
        "CRIA_ALLOW_DISCORD_DMS|sometimes",
        "CRIA_ADMINS|alice@example.com"
      })
  void aMalformedValueStopsStartupNamingTheVariable(String variable, String value) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> EnvironmentVariables.toProperties(Map.of(variable, value)));

    assertTrue(e.getMessage().startsWith(variable + " "), e.getMessage());
  }
}
