package dev.cria.testing;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reply port for pipeline tests: records what the core would show on a platform. Stands in for
 * the Slack adapter (platform SLACK) when {@code cria.test.recording-replies} is set; the reply
 * address is the test's own label for the event.
 */
@Singleton
@Requires(property = "cria.test.recording-replies", value = "true")
public class RecordingReplyPort implements ReplyPort {

  /** What one reply showed: progressive updates, then the final text. */
  public record Delivery(
      String address, List<String> updates, String text, boolean failed, String resumedFrom) {}

  private final LinkedBlockingQueue<Delivery> finished = new LinkedBlockingQueue<>();
  private final List<Delivery> all = new CopyOnWriteArrayList<>();
  private final AtomicInteger messageIds = new AtomicInteger();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final AtomicInteger nameLookups = new AtomicInteger();

  /** The name the platform shows for a user whose events come without one (Slack's users.info). */
  public void name(String userId, String name) {
    names.put(userId, name);
  }

  /** How often the worker asked for a name the event did not carry. */
  public int nameLookups() {
    return nameLookups.get();
  }

  @Override
  public Optional<String> authorName(ChatEvent event) {
    if (event.author().displayName() != null) {
      return Optional.of(event.author().displayName());
    }
    nameLookups.incrementAndGet();
    return Optional.ofNullable(names.get(event.author().id()));
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Duration updateInterval() {
    return Duration.ZERO;
  }

  @Override
  public Reply open(ReplyRequest request) {
    String replyAddress = request.address();
    String resumeMessageId = request.messageId();
    List<String> updates = new ArrayList<>();
    // Addresses containing "status" behave like Slack threads: a status instead of a placeholder,
    // and a stream message that the first update opens.
    boolean status = replyAddress.contains("status");
    return new Reply() {
      private String streamId;

      @Override
      public String start() {
        if (resumeMessageId != null || status) {
          return resumeMessageId;
        }
        return "placeholder-" + messageIds.incrementAndGet();
      }

      @Override
      public void update(String textSoFar) {
        updates.add(textSoFar);
        if (status && streamId == null) {
          streamId = "stream-" + replyAddress;
        }
      }

      @Override
      public String messageId() {
        return streamId;
      }

      @Override
      public String finish(String text) {
        return record(text, false);
      }

      @Override
      public String fail(String text) {
        return record(text, true);
      }

      private String record(String text, boolean failed) {
        Delivery delivery =
            new Delivery(replyAddress, List.copyOf(updates), text, failed, resumeMessageId);
        all.add(delivery);
        finished.add(delivery);
        return "answer-" + messageIds.incrementAndGet();
      }
    };
  }

  /** The next finished reply, waiting at most {@code timeout}. */
  public Delivery next(Duration timeout) {
    try {
      Delivery delivery = finished.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (delivery == null) {
        throw new AssertionError("no reply within " + timeout + "; replies so far: " + all);
      }
      return delivery;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Every finished reply so far. */
  public List<Delivery> all() {
    return List.copyOf(all);
  }
}
