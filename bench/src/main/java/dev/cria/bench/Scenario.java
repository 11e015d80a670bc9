package dev.cria.bench;

/**
 * One measured run against a fresh Cria and a fresh database.
 *
 * <p>Closed loop ({@code conversations > 0}): that many conversations at once, each sending its
 * next question in the same thread as soon as the last one was answered, {@code turns} times. Open
 * loop ({@code rate > 0}): {@code events} new conversations (one question each) sent at a fixed
 * rate whatever Cria does, the way Slack delivers a busy workspace's mentions.
 */
public record Scenario(
    String name,
    String database,
    int conversations,
    int turns,
    int rate,
    int events,
    long modelLatencyMs,
    double tokensPerSecond,
    int words) {

  static Scenario conversations(
      String db, int conversations, int turns, long latencyMs, double tps, int words) {
    return new Scenario(
        conversations + " conversations", db, conversations, turns, 0, 0, latencyMs, tps, words);
  }

  static Scenario rate(String db, int rate, int seconds, long latencyMs, double tps, int words) {
    return new Scenario(
        rate + " events/s for " + seconds + " s",
        db,
        0,
        1,
        rate,
        rate * seconds,
        latencyMs,
        tps,
        words);
  }

  /** All conversations started within about five seconds, so that they are in flight together. */
  static Scenario inFlight(String db, int count, long latencyMs, double tps, int words) {
    int rate = Math.max(100, count / 5);
    return new Scenario(
        count + " in flight, model " + latencyMs / 1000 + " s",
        db,
        0,
        1,
        rate,
        count,
        latencyMs,
        tps,
        words);
  }

  boolean closedLoop() {
    return conversations > 0;
  }

  /** Events this scenario sends. */
  int totalEvents() {
    return closedLoop() ? conversations * turns : events;
  }
}
