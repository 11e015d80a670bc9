package dev.cria.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about one process: peak and current resident memory ({@code VmHWM}, {@code VmRSS}
 * in {@code /proc/<pid>/status}) and CPU time ({@code utime + stime} in {@code /proc/<pid>/stat},
 * in clock ticks).
 */
final class ProcStats {

  private static final long TICKS_PER_SECOND = clockTicks();

  private final long pid;

  ProcStats(long pid) {
    this.pid = pid;
  }

  /** Peak resident set size so far, in MiB. */
  double peakRssMib() {
    return statusKib("VmHWM") / 1024.0;
  }

  double rssMib() {
    return statusKib("VmRSS") / 1024.0;
  }

  /** User plus system CPU time so far, in seconds. */
  double cpuSeconds() {
    String stat = read("stat");
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / (double) TICKS_PER_SECOND;
  }

  /**
   * CPU seconds of every process with this command name, e.g. {@code postgres} (its backends and
   * background workers), whoever started them.
   */
  static double cpuSecondsOfCommand(String command) {
    double total = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        try {
          if (Files.readString(dir.resolve("comm")).strip().equals(command)) {
            total += new ProcStats(Long.parseLong(dir.getFileName().toString())).cpuSeconds();
          }
        } catch (IOException | UncheckedIOException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private long statusKib(String field) {
    for (String line : read("status").split("\n")) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
      }
    }
    throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(pid), file));
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes(), UTF_8).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
