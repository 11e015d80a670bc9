package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyStreamsTest {

  private final ReplyStreams streams = new ReplyStreams();

  @Test
  void aLateBrowserGetsTheFinalAnswer() {
    streams.open("web-1", "web:browser:admin:c1");
    streams.update("web-1", "Hel");
    streams.finish("web-1", "Hello **there**", false);

    List<Event<String>> events =
        streams
            .subscribe("web-1", "web:browser:admin:c1")
            .collectList()
            .block(Duration.ofSeconds(5));

    assertEquals(1, events.size());
    assertEquals("done", events.getFirst().getName());
    assertTrue(events.getFirst().getData().contains("<strong>there</strong>"));
  }

  @Test
  void anotherConversationGetsNothing() {
    streams.open("web-2", "web:browser:admin:c1");
    streams.finish("web-2", "secret answer", false);

    List<Event<String>> events =
        streams
            .subscribe("web-2", "web:browser:admin:c2")
            .collectList()
            .block(Duration.ofSeconds(5));

    assertEquals(List.of(), events);
  }
}
