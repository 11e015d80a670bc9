package dev.cria.testing;

import dev.cria.chat.ConversationService;
import dev.cria.core.ConversationStore;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The application context without its HTTP server: the real pipeline, store (H2 unless told
 * otherwise), Llama client and moderation, talking to a {@link FakeLlamaApi}, replying into a
 * {@link RecordingReplyPort}. By default the fake is shaped like Ollama and Cria is configured as
 * an operator with a local Ollama would: {@code LLAMA_BASE_URL} and nothing else (no key, no style,
 * Llama Guard by default).
 */
public final class PipelineHarness implements AutoCloseable {

  public final FakeLlamaApi llama;
  public final ApplicationContext context;
  public final ConversationService service;
  public final ConversationStore store;
  public final RecordingReplyPort replies;

  private PipelineHarness(FakeLlamaApi llama, Map<String, Object> properties) {
    this.llama = llama;
    this.context = ApplicationContext.run(properties);
    this.service = context.getBean(ConversationService.class);
    this.store = context.getBean(ConversationStore.class);
    this.replies = context.getBean(RecordingReplyPort.class);
  }

  /** A harness on a fresh in-memory H2 database. */
  public static PipelineHarness start(Map<String, Object> overrides) {
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.putAll(overrides);
    return start(FakeLlamaApi.ollama(), properties);
  }

  /** A harness with exactly these datasource and other properties, on the given fake. */
  public static PipelineHarness start(FakeLlamaApi llama, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    all.put("cria.test.recording-replies", true);
    all.put("cria.llama.base-url", llama.baseUrl());
    all.put("cria.llama.max-retries", 1);
    all.put("cria.worker.poll-interval", "100ms");
    all.putAll(properties);
    return new PipelineHarness(llama, all);
  }

  /** Stops the application but leaves the fake running, e.g. to restart on the same database. */
  public void stopApplication() {
    context.close();
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
    llama.close();
  }
}
