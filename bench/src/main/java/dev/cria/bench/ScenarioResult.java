package dev.cria.bench;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one run. Latencies in milliseconds; throughput counts answered events per second
 * from the first question sent to the last answer.
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
    int errorReplies,
    int retries,
    int unacknowledged,
    double sendLagP99,
    double timerLateP99) {

  static final List<String> HEADER =
      List.of(
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
          "lost",
          "dup",
          "error replies",
          "retries",
          "driver lag p99",
          "timer late p99");

  List<String> cells() {
    return List.of(
        scenario.database(),
        scenario.name(),
        String.valueOf(count.expected()),
        ms(ackP50),
        ms(ackP99),
        ms(ackMax),
        ms(overheadP50),
        ms(overheadP99),
        ms(endToEndP50),
        format("%.1f", throughput),
        String.valueOf(peakInFlight),
        format("%.0f", peakRssMib),
        format("%.2f", cpuMillisPerEvent),
        String.valueOf(count.lost()),
        String.valueOf(count.duplicated()),
        String.valueOf(errorReplies),
        String.valueOf(retries + unacknowledged),
        ms(sendLagP99),
        ms(timerLateP99));
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : format("%.1f", value);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
