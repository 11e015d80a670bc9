package dev.cria.llama;

import static dev.cria.llama.LlamaTransport.MODERATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.ModelException;
import dev.cria.core.Moderator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks conversations the way {@code LLAMA_MODERATION} says: {@code guard} asks Llama Guard,
 * served as an ordinary chat model ({@code LLAMA_MODERATION_MODEL}), through chat completions and
 * reads its verdict strictly ({@link LlamaGuardVerdict}); {@code moderations} posts to {@code
 * /moderations} (OGX, OpenAI-style providers), where a conversation is flagged when any result is.
 * Any failure, including an answer that is no verdict, is a {@link ModelException}, so that the
 * pipeline fails closed.
 */
@Singleton
public final class LlamaModerator implements Moderator {

  /** {@code unsafe} and all fourteen codes fit easily; a guard that rambles is cut off. */
  private static final int GUARD_MAX_TOKENS = 64;

  private final LlamaTransport transport;
  private final LlamaSettings settings;
  private final LlamaChatClient chat;

  @Inject
  public LlamaModerator(LlamaTransport transport, LlamaChatClient chat) {
    this.transport = transport;
    this.settings = transport.settings();
    this.chat = chat;
  }

  public LlamaModerator(LlamaTransport transport) {
    this(transport, new LlamaChatClient(transport));
  }

  @Override
  public ModerationResult check(List<ChatTurn> conversation) {
    // Llama Guard 3 takes text only: images go along only when the guard sees them.
    List<ChatTurn> checked =
        settings.moderationSeesImages()
            ? conversation
            : conversation.stream().map(ChatTurn::withoutImages).toList();
    return settings.guardModeration() ? askGuard(checked) : postModerations(checked);
  }

  /**
   * The user's message alone, or the user's message and the answer after it: Llama Guard's chat
   * template turns them into its classification prompt and judges the last turn.
   */
  private ModerationResult askGuard(List<ChatTurn> conversation) {
    String model = settings.moderationModel();
    var request = new ChatRequest(model, conversation, null, GUARD_MAX_TOKENS, null);
    String reply = chat.complete(request, MODERATION, settings.effectiveModerationBaseUrl()).text();
    return LlamaGuardVerdict.parse(reply, model);
  }

  private ModerationResult postModerations(List<ChatTurn> conversation) {
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
          ModelException.Symptom.MALFORMED,
          LlamaTransport.what(MODERATION) + " got an answer without results");
    }
    boolean flagged = false;
    Set<String> categories = new LinkedHashSet<>();
    for (JsonNode result : results) {
      flagged |= result.path("flagged").asBoolean(false);
      result.path("flagged_categories").forEach(category -> categories.add(category.asText()));
      result
          .path("categories")
          .properties()
          .forEach(
              category -> {
                if (category.getValue().asBoolean(false)) {
                  categories.add(category.getKey());
                }
              });
    }
    String model = answer.path("model").asText(settings.moderationModel());
    return new ModerationResult(flagged, List.copyOf(categories), model);
  }

  static String moderationUrl(LlamaSettings settings) {
    return settings.effectiveModerationBaseUrl() + "/moderations";
  }
}
