package dev.cria.ops;

import dev.cria.llama.LlamaSettings;
import dev.cria.llama.ModelServerCheck;
import dev.cria.llama.ModelServerStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup report's part about the model server: asks {@code GET /models} once and says whether
 * the server is reachable and serves {@code LLAMA_MODEL} and the Llama Guard model, naming the
 * variable, the URL and the models it has. Cria starts either way.
 */
@Singleton
class ModelServerReport {

  private static final Logger LOG = LoggerFactory.getLogger(ModelServerReport.class);
  private static final int MAX_LISTED = 20;

  private final ModelServerCheck check;
  private final LlamaSettings llama;

  ModelServerReport(ModelServerCheck check, LlamaSettings llama) {
    this.check = check;
    this.llama = llama;
  }

  void report() {
    ModelServerStatus status = check.check();
    if (!status.reachable()) {
      LOG.warn(
          "Model server {} (LLAMA_BASE_URL) did not answer GET /models: {}. Cria runs anyway and"
              + " answers once it is up; set LLAMA_BASE_URL if it lives elsewhere",
          status.baseUrl(),
          status.error());
      return;
    }
    LOG.info("Model server {} serves: {}", status.baseUrl(), listed(status));
    for (Map.Entry<String, String> missing : status.missing().entrySet()) {
      LOG.warn(
          "{}={} is not served by {}; it has: {}. Pull it (ollama pull {}) or set {} to one it"
              + " has",
          missing.getKey(),
          missing.getValue(),
          status.baseUrl(),
          listed(status),
          missing.getValue(),
          missing.getKey());
    }
    if (status.missing().isEmpty()) {
      LOG.info(
          "Model server has {}{}",
          llama.model(),
          llama.guardModeration() ? " and " + llama.moderationModel() : "");
    }
  }

  private static String listed(ModelServerStatus status) {
    if (status.served().isEmpty()) {
      return "no models";
    }
    var served = status.served();
    String list = String.join(", ", served.subList(0, Math.min(MAX_LISTED, served.size())));
    return served.size() > MAX_LISTED
        ? list + " and " + (served.size() - MAX_LISTED) + " more"
        : list;
  }
}
