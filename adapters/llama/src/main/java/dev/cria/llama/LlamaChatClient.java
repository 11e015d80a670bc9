package dev.cria.llama;

import static dev.cria.llama.LlamaTransport.CHAT;
import static dev.cria.llama.LlamaTransport.MODELS;

import dev.cria.core.ChatModel;
import dev.cria.core.ChatRequest;
import dev.cria.core.Completion;
import dev.cria.core.JsonSchema;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model, reached over an OpenAI-compatible server or the native Llama API, whichever {@code
 * LLAMA_API_STYLE} names. Streams answers, gives them in one piece, and lists the models (cached
 * for {@link #MODELS_TTL}, since a model picker asks often). Calls block: make them from a virtual
 * thread.
 */
@Singleton
public final class LlamaChatClient implements ChatModel {

  static final Duration MODELS_TTL = Duration.ofMinutes(5);

  private final LlamaTransport transport;
  private final LlamaSettings settings;
  private final WireFormat format;
  private final ChatStreamReader streamReader;
  private volatile CachedModels cachedModels;
  private final OllamaVision vision;
  private final StructuredOutput structuredOutput;

  private record CachedModels(List<LlamaModel> models, long fetchedAtNanos) {
    boolean fresh() {
      return System.nanoTime() - fetchedAtNanos < MODELS_TTL.toNanos();
    }
  }

  @Inject
  public LlamaChatClient(LlamaTransport transport) {
    this.transport = transport;
    this.settings = transport.settings();
    this.format = WireFormat.of(settings);
    this.streamReader = new ChatStreamReader(format, LlamaTransport.what(CHAT), transport::redact);
    this.vision = new OllamaVision(transport);
    this.structuredOutput = new StructuredOutput(transport, format);
  }

  /** Named in {@code LLAMA_VISION_MODELS}, or reported with the vision capability by Ollama. */
  @Override
  public boolean seesImages(String model) {
    return settings.seesImages(model) || vision.seesImages(model).orElse(false);
  }

  @Override
  public Completion stream(ChatRequest request, Consumer<String> onText) {
    String model = modelFor(request);
    return transport.measured(
        CHAT,
        () -> {
          try (IdleTimeoutInputStream body =
              transport.post(
                  CHAT,
                  url("/chat/completions"),
                  format.chatBody(request, model, true),
                  "text/event-stream")) {
            return streamReader.read(body, model, request.tools(), onText);
          }
        });
  }

  /** One non-streaming answer in {@code json_schema} form: see {@link StructuredOutput}. */
  @Override
  public <T extends Record> Optional<T> structured(ChatRequest request, JsonSchema<T> schema) {
    return structuredOutput.ask(request, modelFor(request), url("/chat/completions"), schema);
  }

  /** Asks for the whole answer in one JSON document, without streaming. */
  public Completion complete(ChatRequest request) {
    return complete(request, CHAT, settings.effectiveBaseUrl());
  }

  /**
   * The same from the server at {@code baseUrl}, counted under another endpoint (Llama Guard's
   * checks count as moderation).
   */
  Completion complete(ChatRequest request, String endpoint, String baseUrl) {
    String model = modelFor(request);
    Completion completion =
        transport.measured(
            endpoint,
            () ->
                format.completion(
                    transport.postJson(
                        endpoint,
                        baseUrl + "/chat/completions",
                        format.chatBody(request, model, false)),
                    model));
    if (completion.callsTools()) {
      return completion;
    }
    return ToolCallText.recover(completion.text(), request.tools())
        .map(
            call ->
                new Completion(
                    "",
                    completion.model(),
                    "tool_calls",
                    completion.promptTokens(),
                    completion.completionTokens(),
                    List.of(call)))
        .orElse(completion);
  }

  @Override
  public List<String> models() {
    return availableModels().stream().map(LlamaModel::id).toList();
  }

  /** The models the API offers, from a cache refreshed every {@link #MODELS_TTL}. */
  public List<LlamaModel> availableModels() {
    CachedModels cached = cachedModels;
    if (cached != null && cached.fresh()) {
      return cached.models();
    }
    List<LlamaModel> models = fetchModels(settings.effectiveBaseUrl());
    cachedModels = new CachedModels(models, System.nanoTime());
    return models;
  }

  /** The models the server at {@code baseUrl} offers, asked now. */
  List<LlamaModel> fetchModels(String baseUrl) {
    return transport.measured(
        MODELS, () -> WireFormat.models(transport.getJson(MODELS, baseUrl + "/models")));
  }

  /**
   * One model's details.
   *
   * @throws dev.cria.core.ModelException {@code NOT_FOUND} for an unknown id
   */
  public LlamaModel model(String id) {
    String path = "/models/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    return transport.measured(MODELS, () -> LlamaModel.of(transport.getJson(MODELS, url(path))));
  }

  private String modelFor(ChatRequest request) {
    return request.model() == null || request.model().isBlank()
        ? settings.model()
        : request.model();
  }

  private String url(String path) {
    return settings.effectiveBaseUrl() + path;
  }
}
