package dev.cria.llama;

import static dev.cria.llama.LlamaTransport.MODELS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cria.core.ModelException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks an Ollama server whether a model sees images: {@code POST /api/show} beside its {@code /v1}
 * lists the model's {@code capabilities}, {@code vision} among them for vision models. Other
 * servers have no such path (a 404); then nothing is known and {@code LLAMA_VISION_MODELS} decides
 * alone. Answers, known or not, are kept for a while so a conversation's images cost one probe.
 */
final class OllamaVision {

  static final Duration TTL = Duration.ofMinutes(5);

  private record Probe(Optional<Boolean> seesImages, long atNanos) {
    boolean fresh() {
      return System.nanoTime() - atNanos < TTL.toNanos();
    }
  }

  private final LlamaTransport transport;
  private final LlamaSettings settings;
  private final Map<String, Probe> probes = new ConcurrentHashMap<>();

  OllamaVision(LlamaTransport transport) {
    this.transport = transport;
    this.settings = transport.settings();
  }

  Optional<Boolean> seesImages(String model) {
    String base = settings.effectiveBaseUrl();
    if (!settings.openAiStyle() || !base.endsWith("/v1") || model == null || model.isBlank()) {
      return Optional.empty();
    }
    Probe probe = probes.get(model);
    if (probe == null || !probe.fresh()) {
      probe =
          new Probe(
              ask(base.substring(0, base.length() - 3) + "/api/show", model), System.nanoTime());
      probes.put(model, probe);
    }
    return probe.seesImages();
  }

  private Optional<Boolean> ask(String url, String model) {
    try {
      JsonNode shown =
          transport.postJson(
              MODELS, url, JsonNodeFactory.instance.objectNode().put("model", model));
      JsonNode capabilities = shown.path("capabilities");
      if (!capabilities.isArray()) {
        return Optional.empty();
      }
      for (JsonNode capability : capabilities) {
        if ("vision".equals(capability.asText())) {
          return Optional.of(true);
        }
      }
      return Optional.of(false);
    } catch (ModelException e) {
      return Optional.empty();
    }
  }
}
