package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.llama.SseLineReader.Kind;
import dev.cria.llama.SseLineReader.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSE framing: what is handed on, what is skipped. */
class SseLineReaderTest {

  @Test
  void handsOnDataWithOrWithoutTheSpaceAndSkipsEverythingElse() throws IOException {
    String stream =
        ": a comment\r\n"
            + "id: 7\r\n"
            + "retry: 1000\r\n"
            + "event: message\r\n"
            + "data: {\"a\":1}\r\n"
            + "\r\n"
            + "data:{\"b\":2}\n"
            + "\n"
            + "data: [DONE]\n"
            + "\n";

    assertEquals(
        List.of(new Message(Kind.DATA, "{\"a\":1}"), new Message(Kind.DATA, "{\"b\":2}")),
        read(stream));
  }

  @Test
  void reportsBareJsonLinesAndErrorEvents() throws IOException {
    String stream =
        "data: {\"ok\":true}\n\n"
            + "{\"title\":\"Internal Server Error\",\"status\":500}\n\n"
            + "event: error\n"
            + "data: {\"message\":\"boom\"}\n\n"
            + "data: {\"after\":true}\n\n";

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
