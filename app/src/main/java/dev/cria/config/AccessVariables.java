package dev.cria.config;

import java.util.regex.Pattern;

/**
 * Who may use Cria ({@code CRIA_ALLOW_*}, {@code CRIA_ADMINS}): comma-separated platform ids, each
 * checked for its platform's shape, and DMs on or off per platform.
 */
final class AccessVariables {

  private static final Pattern SLACK_ID = Pattern.compile("[A-Z][A-Z0-9]{2,31}");
  private static final Pattern DISCORD_ID = Pattern.compile("\\d{5,20}");
  private static final Pattern USER_ID = Pattern.compile("[A-Z][A-Z0-9]{2,31}|\\d{5,20}");
  private static final String DISCORD_EXAMPLE = "1350000000000000100";

  private final VariableReader read;

  AccessVariables(VariableReader read) {
    this.read = read;
  }

  void read() {
    read.ids("CRIA_ALLOW_SLACK_TEAMS", "cria.access.slack-teams", SLACK_ID, "T012AB3C4");
    read.ids("CRIA_ALLOW_SLACK_CHANNELS", "cria.access.slack-channels", SLACK_ID, "C012AB3C4");
    read.ids("CRIA_ALLOW_SLACK_USERS", "cria.access.slack-users", SLACK_ID, "U012AB3C4");
    read.onOff("CRIA_ALLOW_SLACK_DMS", "cria.access.slack-dms");
    read.ids(
        "CRIA_ALLOW_DISCORD_GUILDS", "cria.access.discord-guilds", DISCORD_ID, DISCORD_EXAMPLE);
    read.ids(
        "CRIA_ALLOW_DISCORD_CHANNELS", "cria.access.discord-channels", DISCORD_ID, DISCORD_EXAMPLE);
    read.ids("CRIA_ALLOW_DISCORD_ROLES", "cria.access.discord-roles", DISCORD_ID, DISCORD_EXAMPLE);
    read.onOff("CRIA_ALLOW_DISCORD_DMS", "cria.access.discord-dms");
    read.ids("CRIA_ADMINS", "cria.access.admins", USER_ID, "U012AB3C4,1350000000000000300");
  }
}
