package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.cria.fakes.FakeLlamaApiJson.Usage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers {@code POST /chat/completions} for {@link FakeLlamaApi}: an SSE stream or one JSON
 * document, in the native or the OpenAI-compatible shape, paced like a model would be, with the
 * mid-stream failures the markers ask for.
 */
final class FakeLlamaApiChat {

  /** Thrown to make the JDK server drop the connection without ending the chunked body. */
  static final class AbruptClose extends RuntimeException {
    AbruptClose() {
      super("FakeLlamaApi closes the stream abruptly", null, false, false);
    }
  }

  private static final long ABRUPT_GRACE_MILLIS = 100;

  private final FakeLlamaApi.Pacing pacing;
  private final AtomicLong ids = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger closedByClient =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Streams the client closed before the answer's end (Cria's Stop button, a timeout). */
  int closedByClient() {
    return closedByClient.get();
  }

  FakeLlamaApiChat(FakeLlamaApi.Pacing pacing) {
    this.pacing = pacing;
  }

  void answer(HttpExchange exchange, FakeLlamaApiRequest request, FakeLlamaApiScript script)
      throws IOException {
    String id = "fake-" + ids.incrementAndGet();
    String model = request.body().path("model").asText("unknown");
    boolean openAi = "openai".equals(request.style());
    FakeLlamaApiTools.Turn tools =
        FakeLlamaApiTools.decide(request.body(), request.lastUserMessage());
    if (tools != null && tools.calls()) {
      callTool(exchange, request, id, model, tools, openAi);
      return;
    }
    String answer =
        tools == null
            ? script.answer(request.lastUserMessage())
            : script.flagOutput()
                ? tools.text() + " " + FakeLlamaApiScript.FLAGGED_ANSWER
                : tools.text();
    String stopReason = "stop";
    int limit = maxTokens(request.body()) * 4;
    if (limit > 0 && answer.length() > limit) {
      answer = answer.substring(0, limit);
      stopReason = "length";
    }
    Usage usage = Usage.of(request.body().path("messages").toString(), answer);
    exchange.getResponseHeaders().set("x-ratelimit-limit-requests", "3000");
    exchange.getResponseHeaders().set("x-ratelimit-remaining-requests", "2999");
    if (!request.streaming()) {
      if (script.midstreamError()) {
        FakeLlamaApiResponses.json(
            exchange, 500, FakeLlamaApiJson.problem(500, "Generation failed."));
        return;
      }
      pause(pacing.firstTokenMillis() + script.slowMillis());
      String body =
          openAi
              ? FakeLlamaApiJson.openAiResponse(id, model, answer, stopReason, usage)
              : FakeLlamaApiJson.nativeResponse(
                  id, answer, stopReason, usage, script.contentString());
      FakeLlamaApiResponses.json(exchange, 200, body, script.abrupt());
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    if (!openAi) {
      data(out, FakeLlamaApiJson.nativeEvent(id, "start", "", null, null));
    }
    pause(pacing.firstTokenMillis());
    List<String> chunks = chunks(answer);
    try {
      streamChunks(out, id, model, chunks, script, openAi);
    } catch (IOException e) {
      closedByClient.incrementAndGet();
      throw e;
    }
    if (script.abrupt()) {
      // Let the client read the text first: the JDK client drops buffered data on a reset.
      pause(ABRUPT_GRACE_MILLIS);
      throw new AbruptClose();
    }
    if (script.midstreamError()) {
      midstreamError(out, openAi);
      exchange.close();
      return;
    }
    if (openAi) {
      data(out, FakeLlamaApiJson.openAiChunk(id, model, null, stopReason));
      if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
        data(out, FakeLlamaApiJson.openAiUsageChunk(id, model, usage));
      }
      data(out, "[DONE]");
    } else {
      data(out, FakeLlamaApiJson.nativeEvent(id, "complete", "", stopReason, null));
      data(out, FakeLlamaApiJson.nativeEvent(id, "metrics", "", null, usage));
    }
    exchange.close();
  }

  /** A tool call, as the dialect sends one: streamed in fragments, or whole in the message. */
  private void callTool(
      HttpExchange exchange,
      FakeLlamaApiRequest request,
      String id,
      String model,
      FakeLlamaApiTools.Turn turn,
      boolean openAi)
      throws IOException {
    String callId = openAi ? "call_" + id : UUID.randomUUID().toString();
    Usage usage = Usage.of(request.body().path("messages").toString(), turn.arguments());
    if (!request.streaming()) {
      String body =
          openAi
              ? FakeLlamaApiJson.openAiResponse(id, model, "", "tool_calls", usage)
              : FakeLlamaApiJson.nativeResponse(id, "", "tool_calls", usage, false);
      var json = (ObjectNode) FakeLlamaApiJson.MAPPER.readTree(body);
      var message =
          (ObjectNode)
              (openAi
                  ? json.path("choices").path(0).path("message")
                  : json.path("completion_message"));
      message.set("tool_calls", FakeLlamaApiTools.calls(callId, turn, openAi));
      FakeLlamaApiResponses.json(exchange, 200, FakeLlamaApiJson.write(json));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    if (openAi) {
      for (String chunk : FakeLlamaApiTools.openAiChunks(id, model, callId, turn)) {
        data(out, chunk);
      }
      data(out, FakeLlamaApiJson.openAiChunk(id, model, null, "tool_calls"));
      data(out, FakeLlamaApiJson.openAiUsageChunk(id, model, usage));
      data(out, "[DONE]");
    } else {
      data(out, FakeLlamaApiJson.nativeEvent(id, "start", "", null, null));
      for (String event : FakeLlamaApiTools.nativeEvents(id, callId, turn)) {
        data(out, event);
      }
      data(out, FakeLlamaApiJson.nativeEvent(id, "complete", "", "tool_calls", null));
      data(out, FakeLlamaApiJson.nativeEvent(id, "metrics", "", null, usage));
    }
    exchange.close();
  }

  private void streamChunks(
      OutputStream out,
      String id,
      String model,
      List<String> chunks,
      FakeLlamaApiScript script,
      boolean openAi)
      throws IOException {
    for (int i = 0; i < chunks.size(); i++) {
      if (i > 0 && (script.midstreamError() || (script.abrupt() && i >= chunks.size() / 2))) {
        break;
      }
      pause(script.slowMillis());
      String chunk =
          i == 1 && script.hugeLineChars() > 0 ? "x".repeat(script.hugeLineChars()) : chunks.get(i);
      data(
          out,
          openAi
              ? FakeLlamaApiJson.openAiChunk(id, model, chunk, null)
              : FakeLlamaApiJson.nativeEvent(id, "progress", chunk, null, null));
      pause(pacing.millisFor(Usage.tokens(chunk)));
    }
  }

  /** Two words a chunk, so that even a short echo arrives in several pieces. */
  static List<String> chunks(String answer) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    int words = 0;
    for (int i = 0; i < answer.length(); i++) {
      if (answer.charAt(i) == ' ' && ++words == 2) {
        chunks.add(answer.substring(start, i + 1));
        start = i + 1;
        words = 0;
      }
    }
    if (start < answer.length() || chunks.isEmpty()) {
      chunks.add(answer.substring(start));
    }
    return chunks;
  }

  private static void midstreamError(OutputStream out, boolean openAi) throws IOException {
    String detail = "An unexpected error occurred while generating the response.";
    if (openAi) {
      data(out, FakeLlamaApiJson.openAiError(500, detail));
    } else {
      // The native API writes a bare JSON line, without "data:", in the middle of the stream.
      write(out, FakeLlamaApiJson.problem(500, detail) + "\n\n");
    }
  }

  private static int maxTokens(JsonNode body) {
    return body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(0));
  }

  private static void data(OutputStream out, String payload) throws IOException {
    write(out, "data: " + payload + "\n\n");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
