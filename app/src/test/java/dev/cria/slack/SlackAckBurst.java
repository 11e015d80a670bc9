package dev.cria.slack;

import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Measures how fast {@code POST /slack/events} acknowledges a burst of signed {@code app_mention}
 * events (the 3-second budget Slack gives). Without arguments it starts Cria in-process (H2, fake
 * Llama API, fake Slack); with {@code url secret} it fires at a running Cria. Prints p50/p90/p99.
 *
 * <pre>
 * java ... dev.cria.slack.SlackAckBurst [events=1000] [concurrency=50] [url secret]
 * </pre>
 */
public final class SlackAckBurst {

  private SlackAckBurst() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    SlackApplication app = args.length > 3 ? null : SlackApplication.httpMode();
    URI url = app != null ? app.events() : URI.create(args[2]);
    String secret = app != null ? SlackApplication.SIGNING_SECRET : args[3];
    try {
      fire(url, secret, 100, concurrency, "warmup");
      List<Long> micros = fire(url, secret, events, concurrency, "burst");
      report(events, concurrency, micros);
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  private static List<Long> fire(URI url, String secret, int events, int concurrency, String run)
      throws Exception {
    ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
    HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
    Semaphore inFlight = new Semaphore(concurrency);
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> sent = new ArrayList<>();
    long started = System.nanoTime();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < events; i++) {
        String body = event(run, i);
        inFlight.acquire();
        sent.add(
            senders.submit(
                () -> {
                  try {
                    micros.add(send(http, url, secret, body));
                  } finally {
                    inFlight.release();
                  }
                  return null;
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      clientThreads.shutdown();
    }
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("%s: %d events in %d ms%n", run, events, elapsedMs);
    return micros;
  }

  private static long send(HttpClient http, URI url, String secret, String body) throws Exception {
    long now = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", String.valueOf(now))
            .header("X-Slack-Signature", FakeSlackSigner.sign(secret, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    long micros = (System.nanoTime() - start) / 1_000;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("ack status " + response.statusCode());
    }
    return micros;
  }

  /** A fresh mention: its own event id and thread, one of 20 users. */
  private static String event(String run, int i) {
    String ts = "17000%05d.%06d".formatted(i, i);
    return FakeSlackEvents.mention(
        "Ev" + run + i, "C0BURST" + (i % 10), ts, null, "U0USER" + (i % 20), "Burst question " + i);
  }

  private static void report(int events, int concurrency, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        "ack latency of POST /slack/events, %d signed app_mention events, %d concurrent:%n"
            + "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        events,
        concurrency,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99),
        sorted.getLast() / 1000.0);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
