package dev.cria.chat;

import java.util.List;
import java.util.Optional;

/** The inbound port: what platform adapters call. Implemented once, by the core. */
public interface ConversationService {

  /** What became of an event handed to {@link #accept}. */
  enum Acceptance {
    /** Stored durably; it will be answered. Ack the platform now. */
    ACCEPTED,
    /** Seen before (a platform retry or a second delivery); already being handled. */
    DUPLICATE,
    /**
     * Not for Cria (a bot's message; one that neither mentions Cria, nor replies to it, nor follows
     * up in a thread it takes part in); nothing was stored.
     */
    IGNORED,
    /**
     * The author may not use Cria here (the {@code CRIA_ALLOW_*} lists); nothing was stored, and
     * the author was told privately at most once a day. Ack the platform.
     */
    REFUSED
  }

  /**
   * Decides whether the event is for Cria (from the author's bot flag and the event's {@link
   * Addressing}, see docs/architecture.md "Who Cria answers"), then stores it durably and queues
   * it. Returns quickly (at most a lookup and one database write), so adapters can call it before
   * they acknowledge the platform. Adapters hand over every message a person could have meant for
   * Cria and decide nothing themselves.
   *
   * @throws IllegalArgumentException when the event can never be stored (an id or key longer than
   *     the store takes): adapters refuse it rather than ask for a redelivery; any other exception
   *     means it could not be stored now
   */
  Acceptance accept(ChatEvent event);

  /**
   * The short notice to show privately when the event's author may not use Cria here, or empty when
   * they may. A refusal is counted. For adapters that must answer before {@link #accept}, such as
   * Discord interactions (answered ephemerally).
   */
  default Optional<String> refusal(ChatEvent event) {
    return Optional.empty();
  }

  /**
   * A thumbs up ({@code +1}) or down ({@code -1}) on one of Cria's answers, named by the platform
   * id of its message; a second vote by the same person replaces the first.
   *
   * @return false when no stored answer has that message id (nothing is stored)
   */
  default boolean feedback(Platform platform, String messageId, String userId, int rating) {
    return false;
  }

  /**
   * A user edited a message: the stored turn, if any, takes the new text.
   *
   * @param conversation the conversation the adapter names for the message
   * @param addressing what the platform said about the message (the edit of a reply continues the
   *     reply chain's conversation)
   */
  void edited(
      ConversationKey conversation, Addressing addressing, String messageId, String newText);

  /** A user deleted a message: the stored turn, if any, is removed. */
  void deleted(ConversationKey conversation, String messageId);

  /** The model ids the configured API offers, for pickers and autocompletion. */
  List<String> availableModels();
}
