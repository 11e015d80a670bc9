package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.config.ConversationDefaults;
import dev.cria.config.LlamaSettings;
import dev.cria.core.Moderator.ModerationResult;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the user's message before the model sees it and the answer before the user does. Stores
 * every decision. Fails closed: when the check cannot be made, nothing is answered.
 */
@Singleton
class ModerationGate {

  private static final Logger LOG = LoggerFactory.getLogger(ModerationGate.class);

  private final Moderator moderator;
  private final ConversationStore store;
  private final LlamaSettings llama;
  private final ConversationDefaults defaults;
  private final PipelineMetrics metrics;

  ModerationGate(
      Moderator moderator,
      ConversationStore store,
      LlamaSettings llama,
      ConversationDefaults defaults,
      PipelineMetrics metrics) {
    this.moderator = moderator;
    this.store = store;
    this.llama = llama;
    this.defaults = defaults;
    this.metrics = metrics;
  }

  /** The refusal to show instead of answering, or empty when the message may go to the model. */
  Optional<String> checkInput(QueuedEvent queued) {
    if (!llama.moderation()) {
      return Optional.empty();
    }
    ChatEvent event = queued.event();
    return check(queued, "input", List.of(ChatTurn.user(event.text())))
        .map(
            categories -> {
              store.dropUserTurn(queued.seq());
              return ReplyTexts.inputFlagged(categories);
            });
  }

  /** The notice to show instead of the answer, or empty when the answer may be shown. */
  Optional<String> checkOutput(QueuedEvent queued, String answer) {
    if (!llama.moderation() || !defaults.checksOutput()) {
      return Optional.empty();
    }
    List<ChatTurn> exchange =
        List.of(ChatTurn.user(queued.event().text()), ChatTurn.assistant(answer));
    return check(queued, "output", exchange).map(ReplyTexts::outputFlagged);
  }

  /** The flagged categories, or empty when the check passed. */
  private Optional<List<String>> check(QueuedEvent queued, String direction, List<ChatTurn> turns) {
    ModerationResult result;
    try {
      result = moderator.check(turns);
    } catch (ModelException e) {
      LOG.warn("Moderation unavailable ({}): not answering", e.kind());
      metrics.error("moderation_unavailable");
      throw new ModerationUnavailable(e);
    }
    store.saveModeration(queued.event().conversation(), queued.seq(), direction, result);
    metrics.moderation(direction, result.flagged());
    if (!result.flagged()) {
      return Optional.empty();
    }
    LOG.info("Moderation flagged the {}: {}", direction, result.categories());
    return Optional.of(result.categories());
  }

  /**
   * The check could not be made; the pipeline refuses with {@link
   * ReplyTexts#moderationUnavailable}.
   */
  static final class ModerationUnavailable extends RuntimeException {
    ModerationUnavailable(ModelException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
