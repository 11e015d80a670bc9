package dev.cria.slack;

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
 * Turning a model answer's Markdown into Slack mrkdwn: the renderer alone, and the renderer plus
 * the split into messages that every final answer and every progress preview goes through. The
 * answer mixes what models write: headings, bold and italics, links, nested lists, inline code, a
 * fenced code block and a table. Lives in the adapter's package because the classes are
 * package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class MrkdwnRenderingBenchmark {

  private static final String SECTION =
      """
      ## Caring for a cria

      A **cria** is a baby llama or alpaca. It stands within an _hour_ of birth and \
      nurses for about ~~four~~ six months. See [the guide](https://example.com/cria?a=1&b=2) \
      or write to vet@example.com.

      1. Keep the pen **dry** and draft-free.
      2. Weigh it daily:
         - gain of `0.25 kg` a day is normal
         - less than that for *two* days: call the vet
      3. Watch for <signs> & symptoms.

      > Tip: a warm cria is a happy cria.

      ```python
      def daily_gain(weights):
          return [b - a for a, b in zip(weights, weights[1:])]
      ```

      | age | weight | note |
      |-----|-------:|------|
      | 1 d | 8 kg | first milk |
      | 30 d | 16 kg | grazing starts |

      """;

  /** Sections in the answer: 1 is about 800 characters, 12 about 10 KB (a long answer). */
  @Param({"1", "12"})
  public int sections;

  private String markdown;

  @Setup
  public void buildAnswer() {
    markdown = SECTION.repeat(sections);
  }

  @Benchmark
  public String render() {
    return SlackMrkdwnRenderer.render(markdown);
  }

  @Benchmark
  public List<String> renderAndSplit() {
    return SlackMessageSplitter.messages(markdown);
  }
}
