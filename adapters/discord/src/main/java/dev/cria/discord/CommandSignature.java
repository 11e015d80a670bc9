package dev.cria.discord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * What a set of slash commands looks like to Discord, in a form that compares equal when Discord
 * would show the same commands: each command's JSON with its keys sorted, the commands sorted by
 * name. The commands Cria wants and the ones Discord already has are compared this way, so an
 * unchanged set is never registered again (no 429 loop on restarts).
 */
record CommandSignature(Set<String> commands) {

  static CommandSignature of(Collection<? extends CommandData> commands) {
    return new CommandSignature(
        commands.stream()
            .map(command -> canonical(command.toData().toMap()))
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  /** Whether Discord's current commands already match these. */
  boolean matches(CommandSignature registered) {
    return commands.equals(registered.commands);
  }

  private static String canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach(
          (key, entry) -> {
            if (entry != null) {
              sorted.put(String.valueOf(key), canonical(entry));
            }
          });
      return sorted.entrySet().stream()
          .map(entry -> '"' + entry.getKey() + "\":" + entry.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof Collection<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(canonical(item)));
      return "[" + String.join(",", items) + "]";
    }
    return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
  }
}
