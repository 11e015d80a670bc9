package dev.cria.mcp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's list of tools that change something ({@code CRIA_MCP_<NAME>_CONFIRM}): names of
 * the server's tools, {@code *} matching any run of characters, compared without case.
 */
final class ConfirmPatterns {

  private final List<Pattern> patterns;

  ConfirmPatterns(List<String> globs) {
    this.patterns =
        globs.stream()
            .map(String::strip)
            .filter(g -> !g.isEmpty())
            .map(ConfirmPatterns::compile)
            .toList();
  }

  boolean matches(String tool) {
    String lower = tool.toLowerCase(Locale.ROOT);
    return patterns.stream().anyMatch(pattern -> pattern.matcher(lower).matches());
  }

  private static Pattern compile(String glob) {
    String[] parts = glob.toLowerCase(Locale.ROOT).split("\\*", -1);
    return Pattern.compile(
        java.util.Arrays.stream(parts).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
