package dev.cria.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Conversations that each ask their next question in the same thread as soon as the last one was
 * answered. Their starts are spread over one answer's model time, so the load is even from the
 * beginning rather than a burst of simultaneous first questions.
 */
final class ClosedLoop {

  private final Asker asker;
  private final EventFactory events;
  private final Duration answerTimeout;

  ClosedLoop(Asker asker, EventFactory events, Duration answerTimeout) {
    this.asker = asker;
    this.events = events;
    this.answerTimeout = answerTimeout;
  }

  /** Runs {@code conversations} conversations of {@code turns} questions; returns when all end. */
  void run(int conversations, int turns, Duration spread) throws InterruptedException {
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      long due = start + spread.toNanos() * i / conversations;
      threads.add(Thread.ofVirtual().start(() -> converse(due, turns)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /**
   * Sends {@code total} new conversations from distinct users, {@code concurrency} at a time: each
   * worker asks the next once its last was answered.
   */
  void runDistinct(int total, int concurrency, Duration spread) throws InterruptedException {
    long start = System.nanoTime();
    AtomicInteger left = new AtomicInteger(total);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      long due = start + spread.toNanos() * i / concurrency;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    Pause.until(due);
                    while (left.getAndDecrement() > 0) {
                      askAndWait(events.newUser());
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void converse(long due, int turns) {
    Pause.until(due);
    BenchEvent first = events.newConversation();
    if (!askAndWait(first)) {
      return;
    }
    for (int turn = 1; turn < turns; turn++) {
      if (!askAndWait(events.followUp(first))) {
        return;
      }
    }
  }

  private boolean askAndWait(BenchEvent event) {
    if (!asker.ask(event, System.nanoTime())) {
      return false;
    }
    try {
      return event.answered.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
