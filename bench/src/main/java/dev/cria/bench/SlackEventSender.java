package dev.cria.bench;

import dev.cria.fakes.FakeSlackSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Posts signed Events API requests to Cria's {@code POST /slack/events} the way Slack does: a 3 s
 * timeout, and a retry (with {@code X-Slack-Retry-Num}) when the ack is not a 2xx or does not come.
 * Records each attempt's ack latency in microseconds, measured from when the event was due, so that
 * a late sender cannot hide a slow Cria. At most {@link #MAX_OPEN} requests are open at once.
 */
final class SlackEventSender {

  static final int MAX_OPEN = 1024;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);
  private static final int MAX_RETRIES = 3;

  private final URI events;
  private final String signingSecret;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .connectTimeout(ACK_TIMEOUT)
          .build();
  private final Semaphore open = new Semaphore(MAX_OPEN);
  final Histogram ackMicros = new ConcurrentHistogram(60_000_000L, 3);
  final AtomicInteger retries = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();

  SlackEventSender(URI events, String signingSecret) {
    this.events = events;
    this.signingSecret = signingSecret;
  }

  /**
   * Sends the event (due at {@code dueNanos}) until acknowledged; false when Slack would give up.
   */
  boolean send(BenchEvent event, long dueNanos) {
    for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      if (attempt > 0) {
        retries.incrementAndGet();
        Pause.millis(1000);
        dueNanos = System.nanoTime();
      }
      if (post(event.body, attempt, dueNanos)) {
        return true;
      }
    }
    failed.incrementAndGet();
    return false;
  }

  private boolean post(String body, int attempt, long dueNanos) {
    long timestamp = System.currentTimeMillis() / 1000;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(events)
            .timeout(ACK_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header("X-Slack-Signature", FakeSlackSigner.sign(signingSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (attempt > 0) {
      request.header("X-Slack-Retry-Num", String.valueOf(attempt));
      request.header("X-Slack-Retry-Reason", "http_timeout");
    }
    open.acquireUninterruptibly();
    try {
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      Histograms.record(ackMicros, (System.nanoTime() - dueNanos) / 1000);
      return status / 100 == 2;
    } catch (IOException e) {
      Histograms.record(ackMicros, (System.nanoTime() - dueNanos) / 1000);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      open.release();
    }
  }
}
