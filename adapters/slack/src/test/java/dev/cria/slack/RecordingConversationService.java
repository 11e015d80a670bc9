package dev.cria.slack;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The core as the adapter's tests see it: records what the adapter hands over, deduplicates on the
 * event id like the real store, and can be told which threads are active or to fail.
 */
final class RecordingConversationService implements ConversationService {

  record Change(ConversationKey conversation, String messageId, String newText) {}

  private final Map<String, ChatEvent> accepted = new ConcurrentHashMap<>();
  private final List<ChatEvent> acceptedInOrder = new CopyOnWriteArrayList<>();
  private final List<Change> changes = new CopyOnWriteArrayList<>();
  private final Set<ConversationKey> active = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger acceptCalls =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean failing;

  void markActive(ConversationKey conversation) {
    active.add(conversation);
  }

  /** Makes {@link #accept} throw, as when the database is down. */
  void failing(boolean failing) {
    this.failing = failing;
  }

  List<ChatEvent> accepted() {
    return List.copyOf(acceptedInOrder);
  }

  /** Edits (newText set) and deletes (newText null), in order. */
  List<Change> changes() {
    return List.copyOf(changes);
  }

  /** How often the adapter called {@link #accept}, duplicates included. */
  int acceptCalls() {
    return acceptCalls.get();
  }

  @Override
  public Acceptance accept(ChatEvent event) {
    acceptCalls.incrementAndGet();
    if (failing) {
      throw new IllegalStateException("database unavailable");
    }
    if (event.author().bot()) {
      return Acceptance.IGNORED;
    }
    String key = event.platform() + "/" + event.eventId();
    if (accepted.putIfAbsent(key, event) != null) {
      return Acceptance.DUPLICATE;
    }
    acceptedInOrder.add(event);
    return Acceptance.ACCEPTED;
  }

  @Override
  public void edited(ConversationKey conversation, String messageId, String newText) {
    changes.add(new Change(conversation, messageId, newText));
  }

  @Override
  public void deleted(ConversationKey conversation, String messageId) {
    changes.add(new Change(conversation, messageId, null));
  }

  @Override
  public boolean isActive(ConversationKey conversation) {
    return active.contains(conversation);
  }

  @Override
  public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
    return Optional.empty();
  }

  @Override
  public List<String> availableModels() {
    return List.of("Llama-4-Maverick-17B-128E-Instruct-FP8");
  }
}
