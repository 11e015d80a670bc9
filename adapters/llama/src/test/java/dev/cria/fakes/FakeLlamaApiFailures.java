package dev.cria.fakes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which chat requests {@link FakeLlamaApi} fails: first those a test scripted with {@link
 * FakeLlamaApi#failNext}, then those whose markers ask for it ({@code [[status:CODE]]} every time,
 * {@code [[status-once:CODE]]} the first time a given request body is seen).
 */
final class FakeLlamaApiFailures {

  /** A failure to answer with; empty headers mean the usual ones (429 gets retry-after: 1). */
  record Failure(int status, Map<String, String> headers) {}

  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private Failure scripted;
  private int scriptedTimes;

  synchronized void failNext(int status, int times, Map<String, String> headers) {
    scripted = new Failure(status, Map.copyOf(headers));
    scriptedTimes = times;
  }

  /** The failure this request gets, or null when it should be answered. */
  Failure next(FakeLlamaApiRequest request, FakeLlamaApiScript script) {
    synchronized (this) {
      if (scriptedTimes > 0) {
        scriptedTimes--;
        return scripted;
      }
    }
    if (script.status() > 0) {
      return new Failure(script.status(), Map.of());
    }
    if (script.statusOnce() > 0 && failedOnce.add(request.body().toString())) {
      return new Failure(script.statusOnce(), Map.of());
    }
    return null;
  }

  synchronized void clear() {
    scripted = null;
    scriptedTimes = 0;
    failedOnce.clear();
  }
}
