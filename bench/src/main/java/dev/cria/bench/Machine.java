package dev.cria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about where the figures come from: cores, memory, JDK, load average. */
final class Machine {

  private Machine() {}

  static String describe() {
    return "nproc %d, memory %s, JDK %s (%s), load average %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            memTotal(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            loadAverage());
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    String[] fields = read("/proc/loadavg").split(" ");
    return fields.length < 3 ? "?" : fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String memTotal() {
    for (String line : read("/proc/meminfo").split("\n")) {
      if (line.startsWith("MemTotal:")) {
        long kib = Long.parseLong(line.replaceAll("\\D", ""));
        return "%.1f GiB".formatted(kib / 1024.0 / 1024.0);
      }
    }
    return "?";
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "?";
    }
  }
}
