package dev.cria.core;

import dev.cria.core.ToolSource.ToolException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool-call loop: the model is offered the tools; when it asks for some, each is run, its
 * result (or why there is none) goes back to the model as a {@code tool} turn, and the model is
 * asked again, until it answers with text. Bounded in steps ({@code CRIA_TOOL_MAX_STEPS}: the step
 * after the last is offered no tools, so it must answer) and in time (each call {@code
 * CRIA_TOOL_TIMEOUT}, tools for one answer, model calls included, {@code CRIA_TOOL_TOTAL_TIMEOUT}).
 * Every step shows as a short line ("Using `current_time`…"), kept above the answer. A call of a
 * side-effecting tool is not run: the loop ends there and the answer asks the asker to confirm it
 * ({@link ToolConfirmation}); the other calls of that step are not run either.
 */
@Singleton
public class ToolLoop {

  /**
   * The most characters of one tool result the model is sent: a tool that returns a whole web page
   * or table would otherwise push the conversation out of the model's context.
   */
  static final int MAX_RESULT_CHARS = 16_000;

  private static final Logger LOG = LoggerFactory.getLogger(ToolLoop.class);

  private final Toolbox toolbox;
  private final ToolSettings settings;

  public ToolLoop(Toolbox toolbox, ToolSettings settings) {
    this.toolbox = toolbox;
    this.settings = settings;
  }

  /**
   * The answer, and the lines that showed its steps (empty when no tool was used).
   *
   * @param awaiting the side-effecting call that waits for the asker's confirmation, or null
   */
  public record Outcome(Completion completion, List<String> steps, ToolCall awaiting) {

    public Outcome(Completion completion, List<String> steps) {
      this(completion, steps, null);
    }

    /** The step lines as a block to put above the answer, or "" when there were none. */
    public String stepsBlock() {
      return steps.isEmpty() ? "" : String.join("\n", steps) + "\n\n";
    }
  }

  /**
   * Answers {@code request}, offering the tools there are.
   *
   * @param model one model call (streaming, with the breaker): called once per step
   * @param showSteps told the step lines so far each time one is added
   */
  public Outcome run(
      ChatRequest request,
      Function<ChatRequest, Completion> model,
      Consumer<List<String>> showSteps) {
    List<ToolSpec> tools = toolbox.offered();
    if (tools.isEmpty()) {
      return new Outcome(model.apply(request), List.of());
    }
    List<ChatTurn> messages = new ArrayList<>(request.messages());
    List<String> steps = new ArrayList<>();
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    Integer promptTokens = null;
    Integer completionTokens = null;
    ChatRequest withTools =
        new ChatRequest(
            request.model(),
            messages,
            request.temperature(),
            request.maxCompletionTokens(),
            request.user(),
            tools);
    for (int step = 1; ; step++) {
      boolean bounded = step > settings.maxSteps() || System.nanoTime() >= deadline;
      if (bounded && step > 1) {
        steps.add(
            step > settings.maxSteps()
                ? ToolTexts.stepBound(settings.maxSteps())
                : ToolTexts.timeBound(settings.totalTimeout()));
        showSteps.accept(List.copyOf(steps));
      }
      ChatRequest asked = withTools.withMessages(messages);
      Completion completion = model.apply(bounded ? asked.withoutTools() : asked);
      promptTokens = sum(promptTokens, completion.promptTokens());
      completionTokens = sum(completionTokens, completion.completionTokens());
      if (!completion.callsTools() || bounded) {
        return new Outcome(completion.withUsage(promptTokens, completionTokens), steps);
      }
      Completion used = completion.withUsage(promptTokens, completionTokens);
      var confirm =
          completion.toolCalls().stream()
              .filter(call -> toolbox.needsConfirmation(call.name()))
              .findFirst();
      if (confirm.isPresent()) {
        return new Outcome(used, steps, confirm.get());
      }
      messages.add(ChatTurn.toolCalls(completion.text(), completion.toolCalls()));
      for (ToolCall call : completion.toolCalls()) {
        steps.add(ToolTexts.using(call.name()));
        showSteps.accept(List.copyOf(steps));
        messages.add(ChatTurn.toolResult(call.id(), result(call, deadline, steps)));
      }
    }
  }

  /** The call's result for the model; a failure is told to the model and shown to the user. */
  private String result(ToolCall call, long deadline, List<String> steps) {
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    Duration timeout = left.compareTo(settings.callTimeout()) < 0 ? left : settings.callTimeout();
    try {
      if (timeout.isZero()) {
        throw new ToolException("there was no time left for " + call.name() + " in this answer.");
      }
      return cut(toolbox.call(call, timeout));
    } catch (ToolException e) {
      LOG.info("Tool {} gave no result: {}", call.name(), e.getMessage());
      steps.add(ToolTexts.failed(call.name(), e.getMessage()));
      return ToolTexts.errorForModel(e.getMessage());
    }
  }

  private static String cut(String result) {
    if (result.length() <= MAX_RESULT_CHARS) {
      return result;
    }
    return result.substring(0, MAX_RESULT_CHARS)
        + "\n[The rest of this result, "
        + (result.length() - MAX_RESULT_CHARS)
        + " characters, was cut.]";
  }

  /** Null when neither step reported usage (a ternary here would unbox a null). */
  private static Integer sum(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a + b;
  }
}
