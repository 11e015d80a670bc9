package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.faults.HostileSlackRequests.Request;
import dev.cria.process.CriaProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile requests ({@link HostileSlackRequests}) against the packaged jar running as
 * a process on PostgreSQL: not one 5xx or dropped connection, {@code /health} UP throughout and
 * after, and nothing stored from what was refused (forged requests leave no row at all; no refused
 * event id is in {@code inbound_event}). {@code -Dcria.hostile.requests=N} sets the count (CI: the
 * default, {@value #DEFAULT_REQUESTS}); the figures go to stdout.
 *
 * <p>Discord has no HTTP entry (everything comes over the gateway); its mapper is fuzzed with
 * arbitrary and mutated gateway payloads in {@code DiscordEventMapperFuzzTest}.
 */
class HostileInputIT {

  static final int DEFAULT_REQUESTS = 2500;
  private static final int SENDERS = 8;

  @Test
  void thousandsOfHostileRequestsGetNo5xxAndLeaveNothingBehind() throws Exception {
    int total = Integer.getInteger("cria.hostile.requests", DEFAULT_REQUESTS);
    try (FaultStack stack =
        new FaultStack().env("LLAMA_MODERATION", "off").env("CRIA_LOG_LEVEL", "warn")) {
      CriaProcess cria = stack.start("hostile");
      HostileSlackRequests requests = new HostileSlackRequests(FaultStack.SIGNING_SECRET);
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .executor(Executors.newFixedThreadPool(4))
              .build();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> byKindAndStatus = new ConcurrentHashMap<>();
      Set<String> refusedIds = ConcurrentHashMap.newKeySet();
      List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger next = new AtomicInteger();
      Instant started = Instant.now();

      try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
        for (int s = 0; s < SENDERS; s++) {
          // The pool's close() waits for every sender; a sender's failure shows as a missing
          // answer.
          Future<?> unused =
              senders.submit(
                  () -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                      Request request = requests.request(n);
                      int status = send(http, cria, request, problems);
                      requests.sent(n, request);
                      statuses.merge(status, 1, Integer::sum);
                      byKindAndStatus
                          .computeIfAbsent(kind(request) + " " + status, k -> new AtomicInteger())
                          .incrementAndGet();
                      check(request, status, problems);
                      if (status >= 400) {
                        refusedIds.add(request.eventId());
                      } else if (status == 200) {
                        accepted.incrementAndGet();
                      }
                      if (n % 500 == 499 && cria.get("/health").statusCode() != 200) {
                        problems.add("/health not UP after request " + n);
                      }
                    }
                    return null;
                  });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(10, TimeUnit.MINUTES), "senders finished");
      }
      Duration took = Duration.between(started, Instant.now());

      HttpResponse<String> health = cria.get("/health");
      long forgedStored =
          stack.count("SELECT COUNT(*) FROM inbound_event WHERE event_id LIKE 'EvF%'");
      long refusedStored = refusedStored(stack, refusedIds);
      long stored = stack.count("SELECT COUNT(*) FROM inbound_event");
      long turns = stack.count("SELECT COUNT(*) FROM chat_message WHERE role = 'user'");
      System.out.printf(
          "HostileInputIT: %d requests in %d ms (%.0f/s), statuses %s, %d acked with 200,"
              + " %d events stored, %d user turns, health %d%n  by kind: %s%n",
          total,
          took.toMillis(),
          total * 1000.0 / Math.max(1, took.toMillis()),
          new TreeMap<>(statuses),
          accepted.get(),
          stored,
          turns,
          health.statusCode(),
          new TreeMap<>(byKindAndStatus));

      assertEquals(
          List.of(),
          problems.subList(0, Math.min(problems.size(), 50)),
          problems.size() + " problems");
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("UP"), health.body());
      assertEquals(0, forgedStored, "rows from forged requests");
      assertEquals(0, refusedStored, "rows from refused requests");
      assertTrue(stored <= accepted.get(), stored + " stored, only " + accepted + " acked");
      assertTrue(cria.alive(), "still running");
    }
  }

  private static int send(
      HttpClient http, CriaProcess cria, Request request, List<String> problems) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(cria.uri("/slack/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", request.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      // A body over the limit may be cut off with the connection once the 413 is sent.
      if (request.body().length > 1_000_000) {
        return 413;
      }
      problems.add(kind(request) + " " + request.eventId() + ": " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void check(Request request, int status, List<String> problems) {
    boolean ok =
        switch (request.expect()) {
          case UNAUTHORIZED -> status == 401;
          case REFUSED -> status >= 400 && status < 500;
          case NOT_5XX -> status == 200 || (status >= 400 && status < 500);
        };
    if (!ok) {
      problems.add(
          kind(request)
              + " "
              + shorten(request.eventId())
              + " expected "
              + request.expect()
              + ", got "
              + status);
    }
  }

  private static long refusedStored(FaultStack stack, Set<String> refusedIds) {
    Set<String> stored = ConcurrentHashMap.newKeySet();
    stored.addAll(stack.strings("SELECT event_id FROM inbound_event"));
    stored.retainAll(refusedIds);
    return stored.size();
  }

  private static String kind(Request request) {
    return request.kind().split(" ")[0];
  }

  private static String shorten(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "…(" + id.length() + ")" : id;
  }
}
