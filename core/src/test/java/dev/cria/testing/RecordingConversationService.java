package dev.cria.testing;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import dev.cria.core.AddressingRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core as an adapter's tests see it, shared by every adapter: decides who Cria answers with the
 * core's own {@link AddressingRules} (follow-ups and reply chains from what the test set up),
 * records what it takes, deduplicates on the event id like the real store, and can be told to fail.
 * Not a bean; tests register it on their context.
 */
public final class RecordingConversationService implements ConversationService {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** An edit (newText set) or a delete (newText null) the adapter handed over. */
  public record Change(ConversationKey conversation, String messageId, String newText) {}

  /** A thumbs up or down the adapter handed over. */
  public record Vote(Platform platform, String messageId, String userId, int rating) {}

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<ChatEvent> accepted = new CopyOnWriteArrayList<>();
  private final List<Change> changes = new CopyOnWriteArrayList<>();
  private final List<Vote> votes = new CopyOnWriteArrayList<>();
  private final Set<ConversationKey> active = ConcurrentHashMap.newKeySet();
  private final Map<String, ConversationKey> answers = new ConcurrentHashMap<>();
  private final AtomicInteger acceptCalls = new AtomicInteger();
  private final AddressingRules rules = new AddressingRules(new Memory());
  private volatile List<String> models = List.of("Llama-4-Maverick-17B-128E-Instruct-FP8");
  private volatile boolean failing;

  /** Cria has taken part in this conversation: follow-ups there need no mention. */
  public void markActive(ConversationKey conversation) {
    active.add(conversation);
  }

  /** Cria posted {@code messageId} in {@code conversation}: replies to it continue there. */
  public void answered(String messageId, ConversationKey conversation) {
    answers.put(messageId, conversation);
  }

  /** The model ids {@link #availableModels()} offers. */
  public void models(List<String> models) {
    this.models = List.copyOf(models);
  }

  /** Makes {@link #accept} throw, as when the database is down. */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  /** The events accepted (duplicates left out), in order. */
  public List<ChatEvent> accepted() {
    return List.copyOf(accepted);
  }

  /** Waits for the n-th accepted event, counting from 1. */
  public ChatEvent awaitAccepted(int n) {
    Await.until(
        WAIT, n + " accepted event(s)", () -> accepted.size() >= n, () -> accepted().toString());
    return accepted.get(n - 1);
  }

  /** Edits and deletes, in order. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The edits handed over, in order. */
  public List<Change> edits() {
    return changes.stream().filter(change -> change.newText() != null).toList();
  }

  /** The deletes handed over, in order. */
  public List<Change> deletes() {
    return changes.stream().filter(change -> change.newText() == null).toList();
  }

  /** The votes handed over, in order. */
  public List<Vote> votes() {
    return List.copyOf(votes);
  }

  /** How often the adapter called {@link #accept}, duplicates included. */
  public int acceptCalls() {
    return acceptCalls.get();
  }

  @Override
  public Acceptance accept(ChatEvent event) {
    acceptCalls.incrementAndGet();
    if (failing) {
      throw new IllegalStateException("database unavailable");
    }
    Optional<ChatEvent> forCria = rules.forCria(event);
    if (forCria.isEmpty()) {
      return Acceptance.IGNORED;
    }
    if (!seen.add(event.platform() + "/" + event.eventId())) {
      return Acceptance.DUPLICATE;
    }
    accepted.add(forCria.get());
    return Acceptance.ACCEPTED;
  }

  @Override
  public boolean feedback(Platform platform, String messageId, String userId, int rating) {
    votes.add(new Vote(platform, messageId, userId, rating));
    return answers.containsKey(messageId);
  }

  @Override
  public void edited(
      ConversationKey conversation, Addressing addressing, String messageId, String newText) {
    changes.add(new Change(rules.conversationOf(conversation, addressing), messageId, newText));
  }

  @Override
  public void deleted(ConversationKey conversation, String messageId) {
    changes.add(new Change(conversation, messageId, null));
  }

  @Override
  public List<String> availableModels() {
    return models;
  }

  /** What the test told this fake about earlier conversations. */
  private final class Memory implements AddressingRules.Memory {

    @Override
    public boolean isActive(ConversationKey conversation) {
      return active.contains(conversation);
    }

    @Override
    public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
      return Optional.ofNullable(answers.get(messageId));
    }
  }
}
