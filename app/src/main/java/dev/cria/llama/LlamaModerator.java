package dev.cria.llama;

import static dev.cria.llama.LlamaTransport.MODERATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.config.LlamaSettings;
import dev.cria.core.ChatTurn;
import dev.cria.core.ModelException;
import dev.cria.core.Moderator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks conversations with the Llama API's {@code POST /moderations} (Llama Guard). A conversation
 * is flagged when any result is; categories are kept as the API names them. Any failure, including
 * an answer without results, is a {@link ModelException}, so that the pipeline fails closed. With
 * the OpenAI-compatible style on the Llama API ({@code .../compat/v1}), moderation still goes to
 * the native {@code .../v1/moderations}.
 */
@Singleton
public final class LlamaModerator implements Moderator {

  private static final String COMPAT_SUFFIX = "/compat/v1";

  private final LlamaTransport transport;
  private final LlamaSettings settings;

  @Inject
  public LlamaModerator(LlamaTransport transport) {
    this.transport = transport;
    this.settings = transport.settings();
  }

  @Override
  public ModerationResult check(List<ChatTurn> conversation) {
    ObjectNode body =
        JsonNodeFactory.instance.objectNode().put("model", settings.moderationModel());
    body.set("messages", WireFormat.messages(conversation));
    return transport.measured(
        MODERATION,
        () -> result(transport.postJson(MODERATION, moderationUrl(settings), body), settings));
  }

  static ModerationResult result(JsonNode answer, LlamaSettings settings) {
    JsonNode results = answer.path("results");
    if (!results.isArray() || results.isEmpty()) {
      throw new ModelException(
          ModelException.Kind.UNAVAILABLE,
          LlamaTransport.what(MODERATION) + " got an answer without results");
    }
    boolean flagged = false;
    Set<String> categories = new LinkedHashSet<>();
    for (JsonNode result : results) {
      flagged |= result.path("flagged").asBoolean(false);
      result.path("flagged_categories").forEach(category -> categories.add(category.asText()));
    }
    String model = answer.path("model").asText(settings.moderationModel());
    return new ModerationResult(flagged, List.copyOf(categories), model);
  }

  static String moderationUrl(LlamaSettings settings) {
    String base = settings.effectiveBaseUrl();
    if (settings.openAiStyle() && base.endsWith(COMPAT_SUFFIX)) {
      base = base.substring(0, base.length() - COMPAT_SUFFIX.length()) + "/v1";
    }
    return base + "/moderations";
  }
}
