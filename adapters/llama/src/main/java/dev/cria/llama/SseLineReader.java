package dev.cria.llama;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent event stream line by line and hands out what matters to a chat client: the
 * payload of each {@code data:} line, and the lines that signal an error. Comments, {@code id:} and
 * {@code retry:} lines and {@code [DONE]} are skipped; the end of the input ends the stream.
 *
 * <p>Each payload is one line: the Llama API and OpenAI-compatible servers never split a JSON chunk
 * over several {@code data:} lines. A line is at most {@link #MAX_LINE_BYTES}: a longer one (a
 * chunk no model sends, or a server streaming garbage without a newline) is a broken stream, a
 * {@link LineTooLongException}, read no further than the limit.
 */
final class SseLineReader {

  /** The longest line read, in bytes of UTF-8 without its line end: 1 MiB. */
  static final int MAX_LINE_BYTES = 1 << 20;

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

  /** A line longer than {@link #MAX_LINE_BYTES}: the stream is treated as broken. */
  static final class LineTooLongException extends IOException {
    LineTooLongException(int limit) {
      super("a stream line is longer than " + limit + " bytes");
    }
  }

  static final String DONE = "[DONE]";

  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean afterCarriageReturn;
  private String event = "";
  private boolean sawDone;

  SseLineReader(InputStream in) {
    this(in, MAX_LINE_BYTES);
  }

  SseLineReader(InputStream in, int maxLineBytes) {
    this.in = new BufferedInputStream(in);
    this.maxLineBytes = maxLineBytes;
  }

  /** Whether the stream said {@code data: [DONE]}. */
  boolean sawDone() {
    return sawDone;
  }

  /** The next message, or null at the end of the stream. */
  Message next() throws IOException {
    String line;
    while ((line = readLine()) != null) {
      if (line.isEmpty()) {
        event = "";
        continue;
      }
      if (line.startsWith("{") || (line.startsWith("[") && !line.equals(DONE))) {
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

  /** One line ended by LF, CR or CRLF (as SSE allows), or null at the end of the input. */
  private String readLine() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) != -1) {
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\n' || b == '\r') {
        afterCarriageReturn = b == '\r';
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() >= maxLineBytes) {
        throw new LineTooLongException(maxLineBytes);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }
}
