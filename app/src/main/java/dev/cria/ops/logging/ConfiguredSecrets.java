package dev.cria.ops.logging;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets this process was configured with, read from the environment once, so that the log can
 * blot them out by value wherever they appear (a token echoed in an error message, a password in a
 * URL a library prints), whatever their shape. Values shorter than {@link #MIN_LENGTH} are left
 * out: masking every "abc" in the log would hide more than it protects.
 */
public final class ConfiguredSecrets {

  /** The variables whose values are secret. */
  public static final List<String> VARIABLES =
      List.of(
          "SLACK_BOT_TOKEN",
          "SLACK_APP_TOKEN",
          "SLACK_SIGNING_SECRET",
          "DISCORD_BOT_TOKEN",
          "LLAMA_API_KEY",
          "DATABASE_PASSWORD",
          "DATABASE_URL",
          "CRIA_WEB_PASSWORD",
          "CRIA_OIDC_CLIENT_SECRET");

  /** The MCP servers' tokens, whatever the server's name ({@code CRIA_MCP_<NAME>_TOKEN}). */
  static final Pattern MCP_TOKEN = Pattern.compile("CRIA_MCP_[A-Z0-9]+_TOKEN");

  static final int MIN_LENGTH = 8;
  static final String MASK = "***";

  private static final ConfiguredSecrets FROM_ENVIRONMENT = of(System.getenv());

  private final List<String> values;

  private ConfiguredSecrets(List<String> values) {
    this.values = values;
  }

  /** The secrets of this process's environment. */
  public static ConfiguredSecrets fromEnvironment() {
    return FROM_ENVIRONMENT;
  }

  /** The secrets among these variables; {@code DATABASE_URL} counts only for its password. */
  public static ConfiguredSecrets of(Map<String, String> environment) {
    Set<String> found = new LinkedHashSet<>();
    List<String> names = new ArrayList<>(VARIABLES);
    environment.keySet().stream()
        .filter(name -> MCP_TOKEN.matcher(name).matches())
        .forEach(names::add);
    for (String name : names) {
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (name.equals("DATABASE_URL")) {
        passwordOf(value).ifPresent(found::add);
      } else {
        found.add(value.strip());
        found.add(URLDecoder.decode(value.strip(), StandardCharsets.UTF_8));
      }
    }
    List<String> values = new ArrayList<>();
    for (String value : found) {
      if (value.length() >= MIN_LENGTH) {
        values.add(value);
      }
    }
    // The longest first, so that a secret containing another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new ConfiguredSecrets(List.copyOf(values));
  }

  /** The text with every configured secret replaced by {@value #MASK}. */
  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String value : values) {
      if (masked.contains(value)) {
        masked = masked.replace(value, MASK);
      }
    }
    return masked;
  }

  int size() {
    return values.size();
  }

  private static Optional<String> passwordOf(String url) {
    try {
      String userInfo =
          URI.create(url.startsWith("jdbc:") ? url.substring(5) : url).getRawUserInfo();
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
