package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.core.Moderator.ModerationResult;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the user's message before the model sees it and the answer before the user does, with
 * whichever check {@code LLAMA_MODERATION} picks (the {@link Moderator} hides which). Stores every
 * decision with the model that made it, the categories, and those let through because an operator
 * allows them ({@code CRIA_MODERATION_ALLOW}). Fails closed: when the check cannot be made, nothing
 * is answered.
 */
@Singleton
class ModerationGate {

  private static final Logger LOG = LoggerFactory.getLogger(ModerationGate.class);

  private final Moderator moderator;
  private final ConversationStore store;
  private final ModelDefaults modelDefaults;
  private final ConversationDefaults defaults;
  private final PipelineMetrics metrics;

  ModerationGate(
      Moderator moderator,
      ConversationStore store,
      ModelDefaults modelDefaults,
      ConversationDefaults defaults,
      PipelineMetrics metrics) {
    this.moderator = moderator;
    this.store = store;
    this.modelDefaults = modelDefaults;
    this.defaults = defaults;
    this.metrics = metrics;
  }

  /**
   * The refusal to show instead of answering, or empty when the message may go to the model. The
   * text of attached files is checked with the message; images too when the moderation model takes
   * them (the {@link Moderator} decides, see {@code LLAMA_MODERATION_IMAGES}).
   */
  Optional<String> checkInput(QueuedEvent queued, List<StoredAttachment> attachments) {
    if (!modelDefaults.moderates()) {
      return Optional.empty();
    }
    ChatEvent event = queued.event();
    StringBuilder text = new StringBuilder(event.text());
    List<ImagePart> images = new ArrayList<>();
    for (StoredAttachment attachment : attachments) {
      if (attachment.isImage()) {
        images.add(new ImagePart(attachment.name(), attachment.mimeType(), attachment.content()));
      } else {
        text.append("\n\n").append(attachment.content());
      }
    }
    ChatTurn input = new ChatTurn(ChatTurn.Role.USER, text.toString().strip(), images);
    return check(queued, "input", List.of(input))
        .map(
            categories -> {
              store.dropUserTurn(queued.seq());
              return ReplyTexts.inputFlagged(categories);
            });
  }

  /** The refusal to show instead of storing a new system prompt, or empty when it may be stored. */
  Optional<String> checkSystemPrompt(QueuedEvent queued, String prompt) {
    if (!modelDefaults.moderates()) {
      return Optional.empty();
    }
    return check(queued, "system", List.of(ChatTurn.user(prompt)))
        .map(ReplyTexts::systemPromptFlagged);
  }

  /** The notice to show instead of the answer, or empty when the answer may be shown. */
  Optional<String> checkOutput(QueuedEvent queued, String answer) {
    if (!modelDefaults.moderates() || !defaults.checksOutput()) {
      return Optional.empty();
    }
    List<ChatTurn> exchange =
        List.of(ChatTurn.user(queued.event().text()), ChatTurn.assistant(answer));
    return check(queued, "output", exchange).map(ReplyTexts::outputFlagged);
  }

  /** The flagged categories that block, or empty when the check passed. */
  private Optional<List<String>> check(QueuedEvent queued, String direction, List<ChatTurn> turns) {
    ModerationResult result;
    try {
      result = moderator.check(turns);
    } catch (ModelException e) {
      LOG.warn("Moderation unavailable ({}, {}): not answering", e.kind(), e.getMessage());
      metrics.error("moderation_unavailable");
      throw new ModerationUnavailable(e);
    }
    Set<String> allowed = modelDefaults.allowedCategories();
    List<String> letThrough =
        result.categories().stream()
            .filter(category -> allowed.contains(category.toUpperCase(Locale.ROOT)))
            .toList();
    List<String> blocking =
        result.categories().stream().filter(category -> !letThrough.contains(category)).toList();
    boolean blocks = result.flagged() && (!blocking.isEmpty() || result.categories().isEmpty());
    store.saveModeration(
        queued.event().conversation(), queued.seq(), direction, result, letThrough);
    metrics.moderation(direction, blocks);
    if (!blocks) {
      if (result.flagged()) {
        LOG.info("Moderation let the {} through: {} allowed", direction, letThrough);
      }
      return Optional.empty();
    }
    LOG.info("Moderation flagged the {}: {} (decided by {})", direction, blocking, result.model());
    return Optional.of(HazardCategories.inWords(blocking));
  }

  /**
   * The check could not be made; the pipeline refuses with {@link
   * ReplyTexts#moderationUnavailable}.
   */
  static final class ModerationUnavailable extends RuntimeException {
    private final ModelException cause;

    ModerationUnavailable(ModelException cause) {
      super(cause.getMessage(), cause);
      this.cause = cause;
    }

    /** Whether the check answered, but with something that is no verdict. */
    boolean unreadable() {
      return cause.symptom() == ModelException.Symptom.MALFORMED;
    }
  }
}
