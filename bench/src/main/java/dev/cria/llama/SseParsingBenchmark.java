package dev.cria.llama;

import dev.cria.core.Completion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading one streamed answer of {@code chunks} SSE events, shaped like the recorded streams in
 * {@code fixtures/llama/} (a few words each): the SSE framing alone, and framing plus JSON chunk
 * parsing into a {@link Completion} in the native and the OpenAI-compatible format. Lives in the
 * client's package because these classes are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class SseParsingBenchmark {

  private static final String ID = "AHZ2LTwa7L7-PW9r733rzj1";
  private static final String MODEL = "Llama-4-Maverick-17B-128E-Instruct-FP8";
  private static final String[] PIECES = {
    " The cria", " stays close", " to its mother", " for about", " six months,", " then joins",
    " the herd.", "\n\n- **Wool**:", " soft and", " warm", "\n- `code`", " and more."
  };

  /** Text chunks in one answer: 100 is a typical answer, 1000 a long one. */
  @Param({"100", "1000"})
  public int chunks;

  private byte[] nativeStream;
  private byte[] openAiStream;
  private final ChatStreamReader nativeReader =
      new ChatStreamReader(new LlamaWireFormat(), "Llama API", text -> text);
  private final ChatStreamReader openAiReader =
      new ChatStreamReader(new OpenAiWireFormat(), "Llama API", text -> text);

  @Setup
  public void buildStreams() {
    StringBuilder llama = new StringBuilder();
    llama.append(nativeEvent("start", "", ""));
    StringBuilder openAi = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      String piece = PIECES[i % PIECES.length].replace("\n", "\\n").replace("\"", "\\\"");
      llama.append(nativeEvent("progress", piece, ""));
      openAi.append(
          "data: {\"id\":\"%s\",\"object\":\"chat.completion.chunk\",\"created\":1746107585,\"model\":\"%s\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n"
              .formatted(ID, MODEL, piece));
    }
    llama.append(nativeEvent("complete", "", ",\"stop_reason\":\"stop\""));
    llama.append(
        "data: {\"id\":\"%s\",\"event\":{\"event_type\":\"metrics\",\"delta\":{\"type\":\"text\",\"text\":\"\"},\"metrics\":[{\"metric\":\"num_completion_tokens\",\"value\":%d,\"unit\":\"tokens\"},{\"metric\":\"num_prompt_tokens\",\"value\":22,\"unit\":\"tokens\"}]}}\n\n"
            .formatted(ID, chunks * 3));
    openAi.append(
        "data: {\"id\":\"%s\",\"object\":\"chat.completion.chunk\",\"created\":1746107585,\"model\":\"%s\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            .formatted(ID, MODEL));
    openAi.append("data: [DONE]\n\n");
    nativeStream = llama.toString().getBytes(StandardCharsets.UTF_8);
    openAiStream = openAi.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nativeEvent(String type, String text, String extra) {
    return "data: {\"id\":\"%s\",\"event\":{\"event_type\":\"%s\",\"delta\":{\"type\":\"text\",\"text\":\"%s\"}%s}}\n\n"
        .formatted(ID, type, text, extra);
  }

  /** The SSE framing only: lines to {@code data:} payloads. */
  @Benchmark
  public int framingOnly() throws IOException {
    SseLineReader reader = new SseLineReader(new ByteArrayInputStream(nativeStream));
    int messages = 0;
    while (reader.next() != null) {
      messages++;
    }
    return messages;
  }

  /** The whole native stream to a completion, every text fragment handed on as Cria does. */
  @Benchmark
  public Completion nativeFormat(Blackhole fragments) {
    return nativeReader.read(new ByteArrayInputStream(nativeStream), MODEL, fragments::consume);
  }

  /** The same for the OpenAI-compatible format. */
  @Benchmark
  public Completion openAiFormat(Blackhole fragments) {
    return openAiReader.read(new ByteArrayInputStream(openAiStream), MODEL, fragments::consume);
  }
}
