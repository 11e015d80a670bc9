package dev.cria.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one environment variable at a time, checks its value and puts the Micronaut property it
 * sets. Every check fails with a {@link ConfigException} whose message starts with the variable.
 */
final class VariableReader {

  private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h)?");

  private final Map<String, String> env;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  VariableReader(Map<String, String> env) {
    this.env = env;
  }

  Map<String, Object> properties() {
    return properties;
  }

  void put(String property, Object value) {
    properties.put(property, value);
  }

  /** The names of the variables in the environment that start with {@code prefix}. */
  Set<String> namesStartingWith(String prefix) {
    Set<String> names = new java.util.TreeSet<>();
    for (String name : env.keySet()) {
      if (name.startsWith(prefix)) {
        names.add(name);
      }
    }
    return names;
  }

  String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  void text(String name, String property) {
    String value = value(name);
    if (value != null) {
      properties.put(property, value);
    }
  }

  void url(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null
          || !Set.of("http", "https").contains(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(name + " must be an http(s) URL, got: " + value);
      }
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL: " + value);
    }
    properties.put(property, value);
  }

  void oneOf(String name, String property, String... allowed) {
    String value = value(name);
    if (value == null) {
      return;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!Set.of(allowed).contains(lower)) {
      throw new ConfigException(
          name + " must be one of " + String.join(", ", allowed) + ", got: " + value);
    }
    properties.put(property, lower);
  }

  void onOff(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    properties.put(property, parseSwitch(name, value));
  }

  void bool(String name, String property) {
    onOff(name, property);
  }

  private static boolean parseSwitch(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new ConfigException(name + " must be on or off, got: " + value);
    };
  }

  /**
   * A comma-separated list of ids, each matching {@code id}; puts the list. Unset or empty puts
   * nothing (the default, usually "everyone", applies).
   */
  void ids(String name, String property, Pattern id, String example) {
    String value = value(name);
    if (value == null) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String candidate = part.strip();
      if (!id.matcher(candidate).matches()) {
        throw new ConfigException(
            name
                + " must be ids separated by commas, e.g. "
                + example
                + "; got: '"
                + candidate
                + "'");
      }
      ids.add(candidate);
    }
    properties.put(property, ids);
  }

  void integer(String name, String property, long min, long max) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      long number = Long.parseLong(value);
      if (number < min || number > max) {
        throw new ConfigException(
            name + " must be between " + min + " and " + max + ", got: " + value);
      }
      properties.put(property, number);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got: " + value);
    }
  }

  void decimal(String name, String property, double min, double max) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      double number = Double.parseDouble(value);
      if (number < min || number > max) {
        throw new ConfigException(
            name + " must be between " + min + " and " + max + ", got: " + value);
      }
      properties.put(property, number);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got: " + value);
    }
  }

  void duration(String name, String property) {
    String value = value(name);
    if (value == null) {
      return;
    }
    if (!DURATION.matcher(value).matches()) {
      throw new ConfigException(
          name + " must be a duration such as 30s, 500ms or 2m, got: " + value);
    }
    properties.put(property, value.matches("\\d+") ? value + "s" : value);
  }
}
