package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The answers on their way to browsers, by event id. Each keeps its latest state, so a browser that
 * subscribes late (or reconnects) gets the text so far at once, and one that comes after the end
 * gets the final text. Finished streams are forgotten after {@link #KEEP}.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
public class ReplyStreams {

  static final Duration KEEP = Duration.ofMinutes(5);

  private record Stream(String conversation, Sinks.Many<Event<String>> sink, Instant opened) {}

  private final Map<String, Stream> streams = new ConcurrentHashMap<>();

  /** Opens the stream of an event's answer (idempotent). */
  void open(String eventId, String conversation) {
    Instant now = Instant.now();
    streams.values().removeIf(stream -> stream.opened().isBefore(now.minus(KEEP)));
    streams.computeIfAbsent(
        eventId, id -> new Stream(conversation, Sinks.many().replay().latest(), now));
  }

  void update(String eventId, String markdown) {
    emit(eventId, "update", markdown, false);
  }

  void finish(String eventId, String markdown, boolean failed) {
    emit(eventId, failed ? "failed" : "done", markdown, true);
  }

  /** The answer's events for a browser showing {@code conversation}; empty for anyone else's. */
  Flux<Event<String>> subscribe(String eventId, String conversation) {
    Stream stream = streams.get(eventId);
    if (stream == null || !stream.conversation().equals(conversation)) {
      return Flux.empty();
    }
    return stream.sink().asFlux();
  }

  private void emit(String eventId, String name, String markdown, boolean last) {
    Stream stream = streams.get(eventId);
    if (stream == null) {
      return;
    }
    Sinks.Many<Event<String>> sink = stream.sink();
    synchronized (sink) {
      sink.tryEmitNext(Event.of(MarkdownHtml.render(markdown).replace("\n", "&#10;")).name(name));
      if (last) {
        sink.tryEmitComplete();
      }
    }
  }
}
