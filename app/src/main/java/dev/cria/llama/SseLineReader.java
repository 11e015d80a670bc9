package dev.cria.llama;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent event stream line by line and hands out what matters to a chat client: the
 * payload of each {@code data:} line, and the lines that signal an error. Comments, {@code id:} and
 * {@code retry:} lines and {@code [DONE]} are skipped; the end of the input ends the stream.
 *
 * <p>Each payload is one line: the Llama API and OpenAI-compatible servers never split a JSON chunk
 * over several {@code data:} lines.
 */
final class SseLineReader {

  /** One thing read from the stream. */
  record Message(Kind kind, String payload) {}

  enum Kind {
    /** The payload of a {@code data:} line. */
    DATA,
    /** The payload of a {@code data:} line in an {@code event: error} event. */
    ERROR_EVENT,
    /**
     * A line that is no SSE field and starts like JSON: the Llama API writes its mid-stream errors
     * this way. The caller decides whether it really parses as JSON.
     */
    BARE_JSON
  }

  static final String DONE = "[DONE]";

  private final BufferedReader reader;
  private String event = "";
  private boolean sawDone;

  SseLineReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Whether the stream said {@code data: [DONE]}. */
  boolean sawDone() {
    return sawDone;
  }

  /** The next message, or null at the end of the stream. */
  Message next() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        event = "";
        continue;
      }
      if (line.startsWith("{") || line.startsWith("[") && !line.equals(DONE)) {
        return new Message(Kind.BARE_JSON, line);
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> {
          if (value.equals(DONE)) {
            sawDone = true;
          } else {
            return new Message("error".equals(event) ? Kind.ERROR_EVENT : Kind.DATA, value);
          }
        }
        case "event" -> event = value;
        default -> {
          // comments (":"), id:, retry: and unknown fields carry nothing for us
        }
      }
    }
    return null;
  }
}
