package dev.cria.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.core.Completion;
import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.core.ModelException.Symptom;
import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import dev.cria.llama.SseLineReader.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads a streamed answer: SSE messages in, each text fragment passed on as it arrives, the whole
 * {@link Completion} at the end, thinking ({@code <think>...</think>}) left out. An error line or
 * chunk, a malformed chunk, a broken or stalled body, or a stream that ends before saying anything
 * becomes a {@link ModelException} ({@code UNAVAILABLE}). In the OpenAI-compatible dialect a stream
 * must end with a {@code finish_reason} or {@code data: [DONE]}; one that stops without either
 * broke off, and its text is not an answer. The native dialect returns such a stream with a null
 * stop reason.
 */
final class ChatStreamReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireFormat format;
  private final String what;
  private final UnaryOperator<String> redact;

  ChatStreamReader(WireFormat format, String what, UnaryOperator<String> redact) {
    this.format = format;
    this.what = what;
    this.redact = redact;
  }

  Completion read(InputStream body, String model, Consumer<String> onText) {
    return read(body, model, List.of(), onText);
  }

  /**
   * Reads a stream that was offered {@code tools}: tool-call fragments become whole calls, and an
   * answer that may be a call written as text ({@link ToolCallText}) is held back from {@code
   * onText} until it is known not to be one.
   */
  Completion read(InputStream body, String model, List<ToolSpec> tools, Consumer<String> onText) {
    Answer answer = new Answer(model, tools);
    SseLineReader reader = new SseLineReader(body);
    try {
      for (Message message = reader.next(); message != null; message = reader.next()) {
        answer.sawData = true;
        switch (message.kind()) {
          case DATA -> answer.add(chunk(message.payload()), onText);
          case ERROR_EVENT -> throw midStream(ProblemBody.parse(message.payload()));
          case BARE_JSON -> {
            JsonNode error = parseOrNull(message.payload());
            if (error != null && error.isObject()) {
              throw midStream(ProblemBody.of(error));
            }
          }
        }
      }
    } catch (IOException e) {
      throw ModelErrors.broken(what, e);
    }
    return answer.finish(reader.sawDone(), onText);
  }

  private StreamDelta chunk(String payload) {
    JsonNode chunk;
    try {
      chunk = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new ModelException(
          Kind.UNAVAILABLE,
          Symptom.MALFORMED,
          what + " sent a malformed chunk: " + redact.apply(e.getOriginalMessage()));
    }
    if (chunk == null || !chunk.isObject()) {
      return StreamDelta.NOTHING;
    }
    ProblemBody.inChunk(chunk)
        .ifPresent(
            problem -> {
              throw midStream(problem);
            });
    return format.delta(chunk);
  }

  private ModelException midStream(ProblemBody problem) {
    return ModelErrors.midStream(what, problem, redact);
  }

  private static JsonNode parseOrNull(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The answer so far. */
  private final class Answer {
    private final StringBuilder text = new StringBuilder();
    private final ReasoningFilter reasoning = new ReasoningFilter();
    private final ToolCallAssembly calls = new ToolCallAssembly();
    private final List<ToolSpec> tools;
    private boolean holding;
    private boolean sawData;
    private String model;
    private String stopReason;
    private Integer promptTokens;
    private Integer completionTokens;

    Answer(String model, List<ToolSpec> tools) {
      this.model = model;
      this.tools = tools;
      this.holding = !tools.isEmpty();
    }

    void add(StreamDelta delta, Consumer<String> onText) {
      if (!delta.text().isEmpty()) {
        show(reasoning.accept(delta.text()), onText);
      }
      stopReason = delta.stopReason() != null ? delta.stopReason() : stopReason;
      promptTokens = delta.promptTokens() != null ? delta.promptTokens() : promptTokens;
      completionTokens =
          delta.completionTokens() != null ? delta.completionTokens() : completionTokens;
      model = delta.model() != null ? delta.model() : model;
      delta.toolCalls().forEach(calls::add);
    }

    private void show(String shown, Consumer<String> onText) {
      if (text.isEmpty() && reasoning.sawThought()) {
        shown = shown.stripLeading();
      }
      if (shown.isEmpty()) {
        return;
      }
      text.append(shown);
      if (!holding) {
        onText.accept(shown);
      } else if (!ToolCallText.mayBeCall(text.toString())) {
        holding = false;
        onText.accept(text.toString());
      }
    }

    Completion finish(boolean sawDone, Consumer<String> onText) {
      text.append(reasoning.finish());
      if (!sawData) {
        throw new ModelException(
            Kind.UNAVAILABLE, Symptom.MALFORMED, what + " got a body without any stream events");
      }
      List<ToolCall> toolCalls = calls.calls();
      boolean saidNothing = text.isEmpty() && toolCalls.isEmpty();
      if (stopReason == null && (saidNothing || (format.requiresEnd() && !sawDone))) {
        throw new ModelException(
            Kind.UNAVAILABLE,
            Symptom.BROKE_OFF,
            what + " ended before the answer was complete (no finish_reason, no [DONE])");
      }
      String whole = text.toString().strip();
      if (toolCalls.isEmpty()) {
        var written = ToolCallText.recover(whole, tools);
        if (written.isPresent()) {
          return new Completion(
              "", model, "tool_calls", promptTokens, completionTokens, List.of(written.get()));
        }
      }
      if (holding && !whole.isEmpty()) {
        onText.accept(whole);
      }
      return new Completion(whole, model, stopReason, promptTokens, completionTokens, toolCalls);
    }
  }
}
