package dev.cria.bench;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one run. Latencies in milliseconds; throughput counts answers per second from the
 * first answer to the last.
 */
record ScenarioResult(
    Scenario scenario,
    AnswerCount count,
    double ackP50,
    double ackP99,
    double ackMax,
    double overheadP50,
    double overheadP99,
    double endToEndP50,
    double throughput,
    int peakInFlight,
    double peakRssMib,
    double cpuMillisPerEvent,
    double driverCpuMillisPerEvent,
    double databaseCpuMillisPerEvent,
    long stillQueued,
    int errorReplies,
    int retries,
    int unacknowledged,
    double sendLagP99,
    double timerLateP99) {

  static final List<String> HEADER =
      List.of(
          "bot",
          "db",
          "run",
          "events",
          "ack p50",
          "ack p99",
          "ack max",
          "overhead p50",
          "overhead p99",
          "e2e p50",
          "answers/s",
          "peak in flight",
          "peak RSS MiB",
          "CPU ms/event",
          "PostgreSQL CPU ms/event",
          "driver CPU ms/event",
          "lost",
          "late (queued at end)",
          "dup",
          "error replies",
          "redeliveries / given up",
          "driver lag p99",
          "timer late p99");

  List<String> cells() {
    return List.of(
        scenario.bot(),
        scenario.database(),
        scenario.name(),
        String.valueOf(count.expected()),
        ms(ackP50),
        ms(ackP99),
        ms(ackMax),
        ms(overheadP50),
        ms(overheadP99),
        ms(endToEndP50),
        Double.isNaN(throughput) ? "-" : format("%.1f", throughput),
        String.valueOf(peakInFlight),
        format("%.0f", peakRssMib),
        format("%.2f", cpuMillisPerEvent),
        Double.isNaN(databaseCpuMillisPerEvent) ? "-" : format("%.2f", databaseCpuMillisPerEvent),
        format("%.2f", driverCpuMillisPerEvent),
        String.valueOf(lost()),
        String.valueOf(stillQueued),
        String.valueOf(count.duplicated()),
        String.valueOf(errorReplies),
        retries + " / " + unacknowledged,
        ms(sendLagP99),
        ms(timerLateP99));
  }

  /**
   * Events that will never be answered: not answered by the end and not in Cria's queue either
   * (never acknowledged, or acknowledged and dropped).
   */
  int lost() {
    return count.unanswered() - (int) Math.max(0, stillQueued);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : format("%.1f", value);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
