package dev.cria.core;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What adapters call. Accepting an event is the first steps of the pipeline: decide whether it is
 * for Cria ({@link AddressingRules}: bots never are), check access, dedupe on the platform's event
 * id and store the user turn, durably, before the platform is acked.
 */
// Like EventWorker, only in the assembled app; an adapter's test context brings its own fake.
@Singleton
@Requires(beans = {EventQueue.class, ChatModel.class})
public class InboundConversationService implements ConversationService {

  private static final Logger LOG = LoggerFactory.getLogger(InboundConversationService.class);

  private final EventQueue queue;
  private final ConversationStore store;
  private final EventWorker worker;
  private final ChatModel model;
  private final PipelineMetrics metrics;
  private final AccessPolicy access;
  private final ReplyPorts replyPorts;
  private final AddressingRules addressing;
  private final AccessNotices notices = new AccessNotices(Clock.systemUTC());
  private final ExecutorService noticeSender = Executors.newVirtualThreadPerTaskExecutor();

  InboundConversationService(
      EventQueue queue,
      ConversationStore store,
      EventWorker worker,
      ChatModel model,
      PipelineMetrics metrics,
      AccessPolicy access,
      ReplyPorts replyPorts) {
    this.queue = queue;
    this.store = store;
    this.worker = worker;
    this.model = model;
    this.metrics = metrics;
    this.access = access;
    this.replyPorts = replyPorts;
    this.addressing = new AddressingRules(store);
  }

  @Override
  public Acceptance accept(ChatEvent event) {
    Acceptance acceptance = store(event);
    metrics.event(event.platform(), acceptance);
    if (acceptance == Acceptance.ACCEPTED) {
      worker.wakeUp();
    } else {
      LOG.debug("Event {} {}", event.eventId(), acceptance);
    }
    return acceptance;
  }

  @Override
  public Optional<String> refusal(ChatEvent event) {
    Optional<String> reason = access.refusal(event);
    reason.ifPresent(
        why -> {
          metrics.accessRefused(event.platform(), why);
          LOG.info(
              "Refused an event from {} on {}: {}", event.author().id(), event.platform(), why);
        });
    return reason.map(why -> AccessNotices.TEXT);
  }

  private Acceptance store(ChatEvent event) {
    Optional<ChatEvent> forCria = addressing.forCria(event);
    if (forCria.isEmpty()) {
      return Acceptance.IGNORED;
    }
    ChatEvent taken = forCria.get();
    if (refusal(taken).isPresent()) {
      tellRefused(taken);
      return Acceptance.REFUSED;
    }
    return queue.enqueue(taken).isPresent() ? Acceptance.ACCEPTED : Acceptance.DUPLICATE;
  }

  /** The one notice a day, sent off the ack path; nothing about the event is kept. */
  private void tellRefused(ChatEvent event) {
    if (!notices.due(event.platform(), event.author().id())) {
      return;
    }
    replyPorts
        .forPlatform(event.platform())
        .ifPresent(
            port ->
                noticeSender.execute(
                    () -> {
                      try {
                        port.tellPrivately(event, AccessNotices.TEXT);
                      } catch (RuntimeException e) {
                        LOG.warn("Could not tell a refused user: {}", e.getMessage());
                      }
                    }));
  }

  @PreDestroy
  void stop() {
    noticeSender.shutdown();
  }

  @Override
  public boolean feedback(Platform platform, String messageId, String userId, int rating) {
    if (rating != 1 && rating != -1) {
      throw new IllegalArgumentException("a rating is +1 or -1, got " + rating);
    }
    Optional<String> model = store.saveFeedback(platform, messageId, userId, rating);
    model.ifPresent(m -> metrics.feedback(platform, m, rating));
    return model.isPresent();
  }

  @Override
  public void edited(
      ConversationKey conversation, Addressing addressed, String messageId, String newText) {
    store.edit(addressing.conversationOf(conversation, addressed), messageId, newText);
  }

  @Override
  public void deleted(ConversationKey conversation, String messageId) {
    store.delete(conversation, messageId);
  }

  @Override
  public List<String> availableModels() {
    try {
      return model.models();
    } catch (ModelException e) {
      LOG.warn("Cannot list models: {}", e.getMessage());
      return List.of();
    }
  }
}
