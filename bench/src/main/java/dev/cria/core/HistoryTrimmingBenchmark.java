package dev.cria.core;

import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the model's messages from stored turns within the token budget ({@link
 * HistoryWindow#build}), as every answer does: a short thread that fits, and the longest history
 * read ({@value HistoryWindow#MAX_TURNS} turns) cut at the default 16,000-token budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class HistoryTrimmingBenchmark {

  private static final int BUDGET = 16_000;
  private static final String SYSTEM_PROMPT =
      "You are Cria, a helpful assistant in a team chat. Answer briefly and use Markdown.";

  /** Stored turns read for the answer, newest first. */
  @Param({"20", "400"})
  public int turns;

  private List<StoredTurn> newestFirst;
  private ChatEvent event;

  @Setup
  public void storeTurns() {
    newestFirst = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      boolean user = i % 2 == 0;
      newestFirst.add(
          new StoredTurn(
              user ? ChatTurn.Role.USER : ChatTurn.Role.ASSISTANT,
              user ? "Ada Lovelace" : null,
              ("Turn " + i + ": how should a cria be fed in its first weeks? ")
                  .repeat(user ? 3 : 8)));
    }
    event =
        new ChatEvent(
            ConversationKey.parse("slack:T1:C1:1700000000.000100"),
            "Ev1",
            "1700000000.000100",
            Author.human("U1", "Ada Lovelace"),
            "how should a cria be fed?",
            null,
            Instant.now(),
            "address");
  }

  @Benchmark
  public HistoryWindow.Window build() {
    return HistoryWindow.build(SYSTEM_PROMPT, newestFirst, event, BUDGET);
  }
}
