package dev.cria.core;

import dev.cria.core.ToolSource.ToolException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link ToolSource} as one set of tools: what is offered now (the first source to offer a
 * name keeps it; a name the model API would refuse is left out), and the calls, each bounded in
 * time here whether or not its source keeps the timeout it is given.
 */
@Singleton
public class Toolbox implements AutoCloseable {

  /** What the Llama API allows in a function name, as OpenAI does. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final Logger LOG = LoggerFactory.getLogger(Toolbox.class);

  private final List<ToolSource> sources;
  private final PipelineMetrics metrics;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

  public Toolbox(List<ToolSource> sources, PipelineMetrics metrics) {
    this.sources = List.copyOf(sources);
    this.metrics = metrics;
  }

  /**
   * The tools offered now, by name; empty when no source offers any. Side-effecting ones are
   * offered too: the loop does not run them, it asks the asker first ({@link ToolConfirmation}).
   */
  public List<ToolSpec> offered() {
    return byName().values().stream().map(Offer::spec).toList();
  }

  /** Whether the tool of that name changes something, so that it runs only once confirmed. */
  public boolean needsConfirmation(String name) {
    Offer offer = byName().get(name);
    return offer != null && offer.spec().sideEffecting();
  }

  /**
   * Runs a call within {@code timeout}; a side-effecting tool is refused here.
   *
   * @throws ToolException when the tool is unknown, fails or takes longer
   */
  public String call(ToolCall call, Duration timeout) {
    return run(call, timeout, false);
  }

  /**
   * Runs a call the asker confirmed (side-effecting or not) within {@code timeout}.
   *
   * @throws ToolException when the tool is unknown, fails or takes longer
   */
  public String callConfirmed(ToolCall call, Duration timeout) {
    return run(call, timeout, true);
  }

  private String run(ToolCall call, Duration timeout, boolean confirmed) {
    Offer offer = byName().get(call.name());
    if (offer == null || (offer.spec().sideEffecting() && !confirmed)) {
      throw new ToolException("There is no tool named " + call.name() + ".");
    }
    Future<String> result =
        calls.submit(() -> offer.source().call(call.name(), call.argumentsJson(), timeout));
    String outcome = "failed";
    try {
      String text = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      outcome = "ok";
      return text == null ? "" : text;
    } catch (TimeoutException e) {
      result.cancel(true);
      outcome = "timeout";
      throw new ToolException(
          call.name() + " did not answer within " + ToolTexts.duration(timeout) + ".");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ToolException failure) {
        throw failure;
      }
      LOG.warn("Tool {} failed", call.name(), e.getCause());
      throw new ToolException(call.name() + " failed unexpectedly.", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      throw new ToolException(call.name() + " was interrupted.", e);
    } finally {
      metrics.toolCall(call.name(), outcome);
    }
  }

  private record Offer(ToolSpec spec, ToolSource source) {}

  private Map<String, Offer> byName() {
    Map<String, Offer> offers = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (ToolSource source : sources) {
      List<ToolSpec> tools;
      try {
        tools = source.tools();
      } catch (RuntimeException e) {
        // The port says tools() never throws; a source that does anyway offers none.
        LOG.warn("A tool source failed to list its tools: {}", e.toString());
        continue;
      }
      for (ToolSpec tool : tools) {
        if (tool.name() == null || !NAME.matcher(tool.name()).matches()) {
          refused.add(String.valueOf(tool.name()));
        } else {
          offers.putIfAbsent(tool.name(), new Offer(tool, source));
        }
      }
    }
    if (!refused.isEmpty()) {
      LOG.debug("Tools not offered (names the model API refuses): {}", refused);
    }
    return offers;
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
