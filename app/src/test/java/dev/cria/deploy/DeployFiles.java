package dev.cria.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under {@code deploy/} and {@code docs/}, read from the repository root (found by
 * walking up from the working directory until a directory holds {@code deploy/}), with small
 * readers for the shapes they use: YAML documents and {@code NAME=value} env files.
 */
final class DeployFiles {

  /** {@code NAME=value} or {@code # NAME=value} (a documented default), one per line. */
  private static final Pattern ENV_LINE = Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");

  private DeployFiles() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isDirectory(candidate.resolve("deploy"))) {
        return candidate;
      }
    }
    throw new AssertionError("no deploy/ directory above " + dir);
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  /** Every YAML document in the file, each as a map. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yamlDocuments(String relative) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(read(relative))) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  static Map<String, Object> yaml(String relative) {
    List<Map<String, Object>> documents = yamlDocuments(relative);
    if (documents.size() != 1) {
      throw new AssertionError(relative + " holds " + documents.size() + " YAML documents");
    }
    return documents.getFirst();
  }

  /**
   * The variables an env file sets or documents: commented {@code # NAME=value} lines count, so a
   * documented default is an entry too. The value is the raw text after {@code =}.
   */
  static Map<String, EnvEntry> envFile(String relative) {
    Map<String, EnvEntry> entries = new LinkedHashMap<>();
    List<String> lines = read(relative).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher matcher = ENV_LINE.matcher(lines.get(i).strip());
      if (!matcher.matches()) {
        continue;
      }
      String comment = i > 0 ? lines.get(i - 1).strip() : "";
      boolean described = comment.startsWith("#") && !ENV_LINE.matcher(comment).matches();
      EnvEntry entry =
          new EnvEntry(matcher.group(2), matcher.group(3), matcher.group(1) != null, described);
      if (entries.putIfAbsent(entry.name(), entry) != null) {
        throw new AssertionError(relative + " lists " + entry.name() + " twice");
      }
    }
    return entries;
  }

  /** The values an env file sets, as the process would see them (surrounding quotes removed). */
  static Map<String, String> settings(Map<String, EnvEntry> entries) {
    return values(entries, false);
  }

  /** The values an env file sets, plus every documented default as if it were uncommented. */
  static Map<String, String> settingsAndDefaults(Map<String, EnvEntry> entries) {
    return values(entries, true);
  }

  private static Map<String, String> values(Map<String, EnvEntry> entries, boolean defaults) {
    Map<String, String> values = new LinkedHashMap<>();
    for (EnvEntry entry : entries.values()) {
      if (defaults || !entry.commentedOut()) {
        values.put(entry.name(), entry.value().replaceAll("^\"(.*)\"$", "$1"));
      }
    }
    return values;
  }

  /**
   * One variable of an env file.
   *
   * @param commentedOut a documented default rather than a setting
   * @param described the line above is a comment that explains it
   */
  record EnvEntry(String name, String value, boolean commentedOut, boolean described) {}

  /** Seconds in a duration written as Cria and compose write them: 45s, 500ms, 2m, 1h or 30. */
  static double seconds(String duration) {
    Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(duration.strip());
    if (!matcher.matches()) {
      throw new AssertionError("not a duration: " + duration);
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> amount / 1000;
      case "m" -> amount * 60;
      case "h" -> amount * 3600;
      default -> amount;
    };
  }

  // A YAML tree is untyped: the caller names the type it expects, as a cast would.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  static <T> T at(Map<String, Object> node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new AssertionError("missing " + String.join(".", keys) + " (stopped at " + key + ")");
      }
      current = map.get(key);
    }
    return (T) current;
  }
}
