package dev.cria.discord;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the core in adapter tests: records what the adapter hands over and answers the
 * lookups from what the test set up. Not a bean; tests register it on their context.
 */
final class RecordingConversationService implements ConversationService {

  private final List<ChatEvent> accepted = new ArrayList<>();
  private final Set<ConversationKey> active = ConcurrentHashMap.newKeySet();
  private final Map<String, ConversationKey> answers = new ConcurrentHashMap<>();
  final List<String> edits = new CopyOnWriteArrayList<>();
  final List<String> deletes = new CopyOnWriteArrayList<>();
  volatile List<String> models = List.of("Llama-4-Maverick-17B-128E-Instruct-FP8");

  @Override
  public Acceptance accept(ChatEvent event) {
    synchronized (accepted) {
      boolean seen = accepted.stream().anyMatch(e -> e.eventId().equals(event.eventId()));
      accepted.add(event);
      accepted.notifyAll();
      return seen ? Acceptance.DUPLICATE : Acceptance.ACCEPTED;
    }
  }

  @Override
  public void edited(ConversationKey conversation, String messageId, String newText) {
    edits.add(conversation + " " + messageId + " " + newText);
  }

  @Override
  public void deleted(ConversationKey conversation, String messageId) {
    deletes.add(conversation + " " + messageId);
  }

  @Override
  public boolean isActive(ConversationKey conversation) {
    return active.contains(conversation);
  }

  @Override
  public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
    return Optional.ofNullable(answers.get(messageId));
  }

  @Override
  public List<String> availableModels() {
    return models;
  }

  void activate(ConversationKey conversation) {
    active.add(conversation);
  }

  void answered(String messageId, ConversationKey conversation) {
    answers.put(messageId, conversation);
  }

  List<ChatEvent> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  /** Waits (bounded) for the n-th accepted event, counting from 1. */
  ChatEvent awaitAccepted(int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    synchronized (accepted) {
      while (accepted.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("only " + accepted.size() + " events accepted, wanted " + n);
        }
        try {
          accepted.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return accepted.get(n - 1);
    }
  }
}
