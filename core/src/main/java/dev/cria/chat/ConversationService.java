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
    /** Not for Cria (a bot's message, an empty text); nothing was stored. */
    IGNORED
  }

  /**
   * Stores the event durably and queues it. Returns quickly (one database write), so adapters can
   * call it before they acknowledge the platform.
   *
   * @throws IllegalArgumentException when the event can never be stored (an id or key longer than
   *     the store takes): adapters refuse it rather than ask for a redelivery; any other exception
   *     means it could not be stored now
   */
  Acceptance accept(ChatEvent event);

  /** A user edited a message: the stored turn, if any, takes the new text. */
  void edited(ConversationKey conversation, String messageId, String newText);

  /** A user deleted a message: the stored turn, if any, is removed. */
  void deleted(ConversationKey conversation, String messageId);

  /** Whether Cria has taken part in this conversation (so follow-ups need no mention). */
  boolean isActive(ConversationKey conversation);

  /** The conversation a message Cria posted belongs to, for reply chains. */
  Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId);

  /** The model ids the configured API offers, for pickers and autocompletion. */
  List<String> availableModels();
}
