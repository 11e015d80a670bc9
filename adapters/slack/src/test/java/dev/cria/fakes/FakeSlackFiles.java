package dev.cria.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Slack's file hosting as the fake serves it under {@code /files-pri/}: a file is handed over only
 * with the bot token; without it Slack redirects to its sign-in page, as the real one does.
 */
final class FakeSlackFiles {

  // Held and served as given, never compared: the array needs no defensive copy.
  @SuppressWarnings("ArrayRecordComponent")
  record Stored(String mimeType, byte[] bytes) {}

  private final Map<String, Stored> files = new ConcurrentHashMap<>();
  private final Queue<String> refused = new ConcurrentLinkedQueue<>();
  private final Queue<String> served = new ConcurrentLinkedQueue<>();

  void put(String path, String mimeType, byte[] bytes) {
    files.put(path, new Stored(mimeType, bytes));
  }

  Queue<String> refused() {
    return refused;
  }

  Queue<String> served() {
    return served;
  }

  void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    try (exchange) {
      if (!("Bearer " + FakeSlackApi.BOT_TOKEN).equals(auth)) {
        refused.add(path);
        exchange.getResponseHeaders().add("Location", "/?redir=" + path);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      Stored file = files.get(path);
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      served.add(path);
      exchange.getResponseHeaders().add("Content-Type", file.mimeType());
      exchange.sendResponseHeaders(200, file.bytes().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file.bytes());
      }
    }
  }
}
