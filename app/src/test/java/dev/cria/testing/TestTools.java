package dev.cria.testing;

import dev.cria.core.ToolSource;
import dev.cria.core.ToolSpec;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tools for pipeline tests, offered when {@code cria.test.tools} is set: one that refuses ({@value
 * #BROKEN}), one that takes far longer than any test's timeout ({@value #SLOW}), one that throws
 * what no tool should ({@value #CRASHING}), one that only echoes its arguments ({@value #ECHO}),
 * one with a very long result ({@value #LONG}), and a side-effecting one ({@value #DELETE}). It
 * counts the calls it ran.
 */
@Singleton
@Requires(property = "cria.test.tools", value = "true")
public class TestTools implements ToolSource {

  public static final String BROKEN = "broken_tool";
  public static final String SLOW = "slow_tool";
  public static final String CRASHING = "crashing_tool";
  public static final String ECHO = "echo_tool";
  public static final String DELETE = "delete_note";
  public static final String LONG = "long_tool";
  public static final int LONG_CHARS = 20_000;
  public static final String REFUSAL = "the ledger is closed today";

  private static final String NO_ARGUMENTS = "{\"type\":\"object\",\"properties\":{}}";

  private final AtomicInteger calls = new AtomicInteger();

  @Override
  public List<ToolSpec> tools() {
    return List.of(
        new ToolSpec(BROKEN, "Always refuses", NO_ARGUMENTS, false),
        new ToolSpec(SLOW, "Never answers in time", NO_ARGUMENTS, false),
        new ToolSpec(CRASHING, "Throws", NO_ARGUMENTS, false),
        new ToolSpec(ECHO, "Echoes its arguments", NO_ARGUMENTS, false),
        new ToolSpec(LONG, "Returns a very long text", NO_ARGUMENTS, false),
        new ToolSpec(DELETE, "Deletes a note (changes something)", NO_ARGUMENTS, true));
  }

  @Override
  public String call(String name, String argumentsJson, Duration timeout) {
    calls.incrementAndGet();
    return switch (name) {
      case BROKEN -> throw new ToolException(REFUSAL);
      case SLOW -> {
        try {
          // Longer than every test's CRIA_TOOL_TIMEOUT: the Toolbox gives up and interrupts it.
          Thread.sleep(timeout.plusSeconds(30).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield "too late";
      }
      case CRASHING -> throw new IllegalStateException("a bug in the tool");
      case LONG -> "x".repeat(LONG_CHARS);
      default -> "echo " + argumentsJson;
    };
  }

  /** How many calls ran. */
  public int calls() {
    return calls.get();
  }
}
