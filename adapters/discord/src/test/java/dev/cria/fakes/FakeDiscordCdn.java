package dev.cria.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * Discord's attachment CDN as the fake serves it: {@code /attachments/<channel>/<id>/<name>} on
 * loopback, each file as it was uploaded, 404 for any other.
 */
final class FakeDiscordCdn {

  // Held and served as given, never compared: the array needs no defensive copy.
  @SuppressWarnings("ArrayRecordComponent")
  private record Stored(String mimeType, byte[] bytes) {}

  private final HttpServer server;
  private final Map<String, Stored> files = new ConcurrentHashMap<>();
  private final Queue<String> served = new ConcurrentLinkedQueue<>();

  FakeDiscordCdn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/attachments/", this::serve);
  }

  void start() {
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  /** Hosts a file; returns its URL. */
  String put(String channelId, String id, String name, String mimeType, byte[] bytes) {
    String path = "/attachments/" + channelId + "/" + id + "/" + name;
    files.put(path, new Stored(mimeType, bytes));
    return "http://127.0.0.1:" + server.getAddress().getPort() + path + "?ex=67a1&is=67a0&hm=f00d";
  }

  List<String> served() {
    return List.copyOf(served);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Stored file = files.get(exchange.getRequestURI().getPath());
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      served.add(exchange.getRequestURI().getPath());
      exchange.getResponseHeaders().add("Content-Type", file.mimeType());
      exchange.sendResponseHeaders(200, file.bytes().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file.bytes());
      }
    }
  }
}
