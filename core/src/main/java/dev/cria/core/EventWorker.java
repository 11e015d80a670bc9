package dev.cria.core;

import dev.cria.chat.Platform;
import dev.cria.core.PipelineMetrics.Outcome;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the durable event queue: claims events (only the head of each conversation), answers each
 * on its own virtual thread, renews the leases of what it holds and marks events finished. Several
 * processes can share one database; a crashed process's events are taken over when their leases
 * expire. On shutdown it stops claiming and lets answers in flight finish.
 */
// Only where the app is assembled: a module's own test context (an adapter, the repositories) has
// the core on its classpath but no queue and model to work with.
@Context
@Requires(beans = {EventQueue.class, ChatModel.class})
public class EventWorker implements GracefulShutdownCapable {

  private static final Logger LOG = LoggerFactory.getLogger(EventWorker.class);

  /** How soon an event handed back after a transient database failure is taken up again. */
  static final Duration RETRY_AFTER_TRANSIENT = Duration.ofSeconds(1);

  private final EventQueue queue;
  private final ConversationPipeline pipeline;
  private final GiveUpReply giveUp;
  private final ReplyPorts replyPorts;
  private final WorkerSettings settings;
  private final QuotaSettings quota;
  private final String owner = ownerName();
  private final ExecutorService answers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Long> held = ConcurrentHashMap.newKeySet();
  private final LeftMessages leftMessages = new LeftMessages();
  private final AuthorNames authorNames;
  private final Semaphore wakeUp = new Semaphore(0);
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private final Thread loop;
  private volatile boolean running = true;

  EventWorker(
      EventQueue queue,
      ConversationPipeline pipeline,
      GiveUpReply giveUp,
      ReplyPorts replyPorts,
      WorkerSettings settings,
      QuotaSettings quota,
      PipelineMetrics metrics,
      ConversationStore store) {
    this.queue = queue;
    this.pipeline = pipeline;
    this.giveUp = giveUp;
    this.replyPorts = replyPorts;
    this.settings = settings;
    this.quota = quota;
    this.authorNames = new AuthorNames(replyPorts, store);
    metrics.queueGauge(queue);
    this.loop = Thread.ofPlatform().name("cria-queue").daemon().start(this::run);
  }

  /** Looks for work now instead of at the next poll: an event was just accepted. */
  public void wakeUp() {
    wakeUp.release();
  }

  /** The name this process claims events under. */
  public String owner() {
    return owner;
  }

  private void run() {
    long lastRenewal = System.nanoTime();
    long renewEvery = settings.lease().toNanos() / 3;
    int failures = 0;
    while (running) {
      try {
        if (System.nanoTime() - lastRenewal > renewEvery) {
          if (inFlight.get() > 0) {
            queue.renewLeases(owner, settings.lease());
          }
          lastRenewal = System.nanoTime();
        }
        int claimed = claimAndStart();
        failures = 0;
        if (claimed == 0) {
          wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures++;
        if (failures == 1 || failures % 20 == 0) {
          LOG.warn("Cannot read the event queue ({} in a row): {}", failures, e.toString());
        }
        sleepQuietly(Math.min(5000, 250L * failures));
      }
    }
  }

  private int claimAndStart() {
    Set<Platform> platforms = replyPorts.platforms();
    int room = settings.maxInFlight() - inFlight.get();
    if (platforms.isEmpty() || room <= 0) {
      return 0;
    }
    List<QueuedEvent> claimed =
        queue.claim(owner, platforms, settings.lease(), Math.min(room, 64), quota.userInFlight());
    for (QueuedEvent queued : claimed) {
      // Its lease ran out while the database was away and this process claimed it again: the
      // answer already under way here goes on (under the renewed lease).
      if (!held.add(queued.seq())) {
        continue;
      }
      inFlight.incrementAndGet();
      answers.execute(() -> answer(leftMessages.resume(queued)));
    }
    return claimed.size();
  }

  private void answer(QueuedEvent queued) {
    try {
      if (queued.attempts() > settings.maxAttempts()) {
        settle(queued, new PipelineResult(Outcome.FAILED, giveUp.send(queued)));
      } else {
        settle(queued, pipeline.process(authorNames.named(queued), owner));
      }
    } finally {
      held.remove(queued.seq());
      if (inFlight.decrementAndGet() == 0 && !running) {
        drained.complete(null);
      }
      wakeUp.release();
    }
  }

  /**
   * Finishes the event, or hands it back when it was deferred, trying again while the database is
   * away (its lease is renewed meanwhile). If that takes longer than a lease, the lease is left to
   * expire: the event is then taken up again, and the answer stored or the message recorded makes
   * sure nothing is posted twice.
   */
  private void settle(QueuedEvent queued, PipelineResult result) {
    long deadline = System.nanoTime() + settings.lease().toNanos();
    for (int round = 1; ; round++) {
      try {
        if (result.outcome() == Outcome.DEFERRED) {
          handBack(queued, result);
        } else {
          queue.finish(queued.seq(), owner, result.outcome() == Outcome.FAILED, result.errorId());
        }
        leftMessages.forget(queued.seq());
        return;
      } catch (StoreException e) {
        if (round == 1) {
          LOG.warn("Could not settle event {}: {}", queued.event().eventId(), e.getMessage());
        }
        if (System.nanoTime() > deadline || !running) {
          leftMessages.remember(queued.seq(), result.replyMessageId());
          LOG.warn("Event {} is left for its lease to expire", queued.event().eventId());
          return;
        }
        sleepQuietly(Math.min(2000, 200L * round));
      }
    }
  }

  private void handBack(QueuedEvent queued, PipelineResult result) {
    String left = result.replyMessageId();
    if (left != null && !left.equals(queued.replyMessageId())) {
      queue.recordReplyMessage(queued.seq(), owner, left);
    }
    // A transient failure gives the attempt back; one that is not counts towards giving up.
    Duration backoff =
        result.transientCause()
            ? RETRY_AFTER_TRANSIENT
            : RETRY_AFTER_TRANSIENT.multipliedBy(2L * queued.attempts());
    queue.release(queued.seq(), owner, backoff, result.transientCause());
  }

  @Override
  public CompletionStage<?> shutdownGracefully() {
    running = false;
    wakeUp.release();
    LOG.info("Shutting down: {} answers in flight", inFlight.get());
    if (inFlight.get() == 0) {
      drained.complete(null);
    }
    return drained;
  }

  @Override
  public OptionalLong reportActiveTasks() {
    return OptionalLong.of(inFlight.get());
  }

  @PreDestroy
  void stop() {
    running = false;
    loop.interrupt();
    answers.shutdown();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String ownerName() {
    String process = ManagementFactory.getRuntimeMXBean().getName();
    return (process + "-" + UUID.randomUUID().toString().substring(0, 8))
        .replaceAll("[^\\w@.-]", "");
  }
}
