package dev.cria.bench;

/**
 * One measured run against a fresh Cria and a fresh database.
 *
 * <p>Closed loop ({@code conversations > 0}): that many conversations at once, each sending its
 * next question in the same thread as soon as the last one was answered, {@code turns} times. Open
 * loop ({@code rate > 0}): {@code events} new conversations (one question each) sent at a fixed
 * rate whatever Cria does, the way Slack delivers a busy workspace's mentions. Distinct ({@code
 * distinct}): {@code events} mentions, each a new thread from a user of its own, {@code
 * conversations} of them waiting for their answer at any time (the comparison with the Node peer).
 *
 * @param bot {@code cria}, or {@code peer} for the Node Bolt bot of {@code bench/peer}
 */
public record Scenario(
    String name,
    String bot,
    String database,
    boolean distinct,
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
        conversations + " conversations",
        "cria",
        db,
        false,
        conversations,
        turns,
        0,
        0,
        latencyMs,
        tps,
        words);
  }

  /** {@code events} mentions from as many users, {@code concurrency} waiting at a time. */
  static Scenario distinct(
      String bot, String db, int events, int concurrency, long latencyMs, double tps, int words) {
    return new Scenario(
        events + " mentions, " + concurrency + " at once",
        bot,
        db,
        true,
        concurrency,
        1,
        0,
        events,
        latencyMs,
        tps,
        words);
  }

  boolean peer() {
    return bot.equals("peer");
  }

  static Scenario rate(String db, int rate, int seconds, long latencyMs, double tps, int words) {
    return new Scenario(
        rate + " events/s for " + seconds + " s",
        "cria",
        db,
        false,
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
        "cria",
        db,
        false,
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
    return distinct ? events : closedLoop() ? conversations * turns : events;
  }
}
