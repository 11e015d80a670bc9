package dev.cria.llama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.llama.SseLineReader.Kind;
import dev.cria.llama.SseLineReader.LineTooLongException;
import dev.cria.llama.SseLineReader.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** SSE framing: what is handed on, what is skipped, how long a line may be. */
class SseLineReaderTest {

  @Test
  void handsOnDataWithOrWithoutTheSpaceAndSkipsEverythingElse() throws IOException {
    String stream =
        """
        : a comment
        id: 7
        retry: 1000
        event: message
        data: {"a":1}

        data:{"b":2}

        data: [DONE]

        """;

    assertEquals(
        List.of(new Message(Kind.DATA, "{\"a\":1}"), new Message(Kind.DATA, "{\"b\":2}")),
        read(stream));
  }

  @Test
  void reportsBareJsonLinesAndErrorEvents() throws IOException {
    String stream =
        """
        data: {"ok":true}

        {"title":"Internal Server Error","status":500}

        event: error
        data: {"message":"boom"}

        data: {"after":true}

        """;

    assertEquals(
        List.of(
            new Message(Kind.DATA, "{\"ok\":true}"),
            new Message(Kind.BARE_JSON, "{\"title\":\"Internal Server Error\",\"status\":500}"),
            new Message(Kind.ERROR_EVENT, "{\"message\":\"boom\"}"),
            new Message(Kind.DATA, "{\"after\":true}")),
        read(stream));
  }

  @Test
  void keepsUnicodeIntact() throws IOException {
    assertEquals(
        List.of(new Message(Kind.DATA, "{\"t\":\"héllo — 🦙\"}")),
        read("data: {\"t\":\"héllo — 🦙\"}\n\n"));
  }

  @Test
  void anEmptyStreamHasNoMessages() throws IOException {
    assertEquals(List.of(), read(""));
  }

  @Test
  void aLoneCarriageReturnEndsALineToo() throws IOException {
    assertEquals(
        List.of(new Message(Kind.DATA, "{\"a\":1}"), new Message(Kind.DATA, "{\"b\":2}")),
        read("data: {\"a\":1}\r\rdata: {\"b\":2}\r\n\r\n"));
  }

  @Test
  void aLineOfExactlyTheLimitIsRead() throws IOException {
    String payload = "x".repeat(SseLineReader.MAX_LINE_BYTES - "data: ".length());

    assertEquals(List.of(new Message(Kind.DATA, payload)), read("data: " + payload + "\n\n"));
  }

  @Test
  void aLineOverTheLimitIsABrokenStream() {
    String payload = "x".repeat(SseLineReader.MAX_LINE_BYTES - "data: ".length() + 1);

    assertThrows(LineTooLongException.class, () -> read("data: " + payload + "\n\n"));
  }

  @Test
  void anEndlessLineIsReadNoFurtherThanTheLimit() {
    AtomicLong served = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served.addAndGet(length);
            return length;
          }
        };
    SseLineReader reader = new SseLineReader(endless, 1000);

    assertThrows(LineTooLongException.class, reader::next);
    assertTrue(served.get() < 1000 + 16_384, "read " + served.get() + " bytes");
  }

  @Test
  void theLimitCountsBytesNotCharacters() {
    SseLineReader reader =
        new SseLineReader(
            new ByteArrayInputStream(("data: " + "🦙".repeat(30) + "\n").getBytes(UTF_8)), 100);

    assertThrows(LineTooLongException.class, reader::next);
  }

  private static List<Message> read(String stream) throws IOException {
    SseLineReader reader =
        new SseLineReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    List<Message> messages = new ArrayList<>();
    for (Message message = reader.next(); message != null; message = reader.next()) {
      messages.add(message);
    }
    return messages;
  }
}
