package dev.cria.fakes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What {@link FakeLlamaApi} received: the last {@value #MAX_KEPT} requests, and counters per
 * endpoint that never drop anything (a benchmark sends far more requests than a test looks at).
 */
final class FakeLlamaApiLog {

  static final int MAX_KEPT = 10_000;

  private final ArrayDeque<FakeLlamaApiRequest> requests = new ArrayDeque<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void add(FakeLlamaApiRequest request) {
    counts.computeIfAbsent(request.endpoint(), key -> new AtomicInteger()).incrementAndGet();
    synchronized (requests) {
      if (requests.size() == MAX_KEPT) {
        requests.removeFirst();
      }
      requests.addLast(request);
      requests.notifyAll();
    }
  }

  List<FakeLlamaApiRequest> all() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  int count(String endpoint) {
    AtomicInteger count = counts.get(endpoint);
    return count == null ? 0 : count.get();
  }

  /**
   * Waits until a request matching {@code condition} has arrived.
   *
   * @throws AssertionError naming what did arrive, when none matched within {@code timeout}
   */
  FakeLlamaApiRequest await(Predicate<FakeLlamaApiRequest> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (true) {
        for (FakeLlamaApiRequest request : requests) {
          if (condition.test(request)) {
            return request;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "FakeLlamaApi: no matching request within " + timeout + "; received " + summary());
        }
        try {
          requests.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for a request", e);
        }
      }
    }
  }

  void clear() {
    synchronized (requests) {
      requests.clear();
    }
    counts.clear();
  }

  private String summary() {
    return requests.stream()
        .map(request -> request.method() + " " + request.style() + request.path())
        .toList()
        .toString();
  }
}
