package dev.cria.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes {@link FakeLlamaApi}'s JSON and problem responses. */
final class FakeLlamaApiResponses {

  private FakeLlamaApiResponses() {}

  static void problem(HttpExchange exchange, int status, String detail, Map<String, String> headers)
      throws IOException {
    if (headers.isEmpty() && status == 429) {
      headers = Map.of("retry-after", "1");
    }
    headers.forEach(exchange.getResponseHeaders()::set);
    json(exchange, status, FakeLlamaApiJson.problem(status, detail));
  }

  /** Sends a fixture verbatim, typed by its extension; a missing one fails the test loudly. */
  static void fixture(HttpExchange exchange, int status, String name, String body)
      throws IOException {
    if (body == null) {
      throw new IllegalStateException("the fake's server has no fixture " + name);
    }
    String type =
        name.endsWith(".sse")
            ? "text/event-stream"
            : name.endsWith(".html")
                ? "text/html; charset=utf-8"
                : name.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/json";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    json(exchange, status, body, false);
  }

  /** Sends a JSON body; {@code abrupt} drops the connection halfway through it. */
  static void json(HttpExchange exchange, int status, String body, boolean abrupt)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    OutputStream out = exchange.getResponseBody();
    if (abrupt) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      throw new FakeLlamaApiChat.AbruptClose();
    }
    out.write(bytes);
  }
}
