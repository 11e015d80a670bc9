package dev.cria.llama;

import java.util.Locale;
import java.util.regex.Pattern;

/** Model names matched against a comma-separated list of patterns where {@code *} is a wildcard. */
final class ModelPatterns {

  private ModelPatterns() {}

  static boolean matches(String patterns, String modelName) {
    if (patterns == null || modelName == null || modelName.isBlank()) {
      return false;
    }
    String name = modelName.strip().toLowerCase(Locale.ROOT);
    for (String pattern : patterns.split(",")) {
      String glob = pattern.strip().toLowerCase(Locale.ROOT);
      if (!glob.isEmpty() && toRegex(glob).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String piece : glob.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(piece));
    }
    return Pattern.compile(regex.toString());
  }
}
