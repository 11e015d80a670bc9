package dev.cria.core;

import dev.cria.chat.Platform;
import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
@Context
public class EventWorker implements GracefulShutdownCapable {

  private static final Logger LOG = LoggerFactory.getLogger(EventWorker.class);

  private final EventQueue queue;
  private final ConversationPipeline pipeline;
  private final GiveUpReply giveUp;
  private final ReplyPorts replyPorts;
  private final WorkerSettings settings;
  private final String owner = ownerName();
  private final ExecutorService answers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
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
      PipelineMetrics metrics) {
    this.queue = queue;
    this.pipeline = pipeline;
    this.giveUp = giveUp;
    this.replyPorts = replyPorts;
    this.settings = settings;
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
    List<QueuedEvent> claimed = queue.claim(owner, platforms, settings.lease(), Math.min(room, 64));
    for (QueuedEvent queued : claimed) {
      inFlight.incrementAndGet();
      answers.execute(() -> answer(queued));
    }
    return claimed.size();
  }

  private void answer(QueuedEvent queued) {
    try {
      if (queued.attempts() > settings.maxAttempts()) {
        queue.finish(queued.seq(), owner, true, giveUp.send(queued));
        return;
      }
      ConversationPipeline.Result result = pipeline.process(queued, owner);
      queue.finish(
          queued.seq(),
          owner,
          result.outcome() == PipelineMetrics.Outcome.FAILED,
          result.errorId());
    } catch (RuntimeException e) {
      // The database is unreachable: the lease expires and the event is answered again.
      LOG.warn("Could not finish event {}: {}", queued.event().eventId(), e.toString());
    } finally {
      if (inFlight.decrementAndGet() == 0 && !running) {
        drained.complete(null);
      }
      wakeUp.release();
    }
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
