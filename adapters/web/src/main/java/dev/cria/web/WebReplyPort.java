package dev.cria.web;

import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Answers to the browser: the reply address is the event id, and the text goes to the {@link
 * ReplyStreams} the browser listens on (SSE). The stored transcript is the record; a browser that
 * was not listening sees the answer when it loads the page.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
class WebReplyPort implements ReplyPort {

  private final ReplyStreams streams;

  WebReplyPort(ReplyStreams streams) {
    this.streams = streams;
  }

  @Override
  public Platform platform() {
    return Platform.WEB;
  }

  @Override
  public Duration updateInterval() {
    return Duration.ofMillis(250);
  }

  @Override
  public Reply open(ReplyRequest request) {
    String eventId = request.address();
    return new Reply() {
      @Override
      public String start() {
        return null;
      }

      @Override
      public void update(String textSoFar) {
        streams.update(eventId, textSoFar);
      }

      @Override
      public String finish(String text) {
        streams.finish(eventId, text, false);
        return eventId;
      }

      @Override
      public String fail(String text) {
        streams.finish(eventId, text, true);
        return eventId;
      }
    };
  }
}
