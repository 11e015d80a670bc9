package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request {@link FakeLlamaApi} received, as the test sees it.
 *
 * @param style {@code llama} for the native dialect, {@code openai} for the OpenAI-compatible one
 *     ({@code /compat/v1/...} on the Llama API, {@code /v1/...} on every other server)
 * @param endpoint {@code chat}, {@code guard} (a chat with a Llama Guard model), {@code
 *     moderation}, {@code models} or {@code other}
 * @param path the path below the style's prefix, e.g. {@code /chat/completions}
 * @param headers lower-case names
 * @param body the parsed JSON body, a {@link MissingNode} when there was none
 */
public record FakeLlamaApiRequest(
    String method,
    String style,
    String endpoint,
    String path,
    Map<String, List<String>> headers,
    JsonNode body) {

  public FakeLlamaApiRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** Whether the client asked for a stream. */
  public boolean streaming() {
    return body.path("stream").asBoolean(false);
  }

  /** The text of the last user message, or an empty string. */
  public String lastUserMessage() {
    return lastMessage(body.path("messages"), "user");
  }

  /** The {@code image_url} URLs of every user message, oldest first (data URLs for uploads). */
  public List<String> userImages() {
    List<String> urls = new java.util.ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        for (JsonNode part : message.path("content")) {
          if ("image_url".equals(part.path("type").asText())) {
            urls.add(part.path("image_url").path("url").asText());
          }
        }
      }
    }
    return List.copyOf(urls);
  }

  static String lastMessage(JsonNode messages, String role) {
    String text = "";
    for (JsonNode message : messages) {
      if (role.equals(message.path("role").asText())) {
        text = contentText(message.path("content"));
      }
    }
    return text;
  }

  /** A message's content as text: a string, a {@code {type,text}} object or a list of them. */
  static String contentText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isObject()) {
      return content.path("text").asText("");
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode item : content) {
      text.append(item.path("text").asText(""));
    }
    return text.toString();
  }

  /** Parses one exchange: the style and endpoint from the path, the body as JSON. */
  static FakeLlamaApiRequest read(HttpExchange exchange, FakeLlamaServer server)
      throws IOException {
    String fullPath = exchange.getRequestURI().getPath();
    String style = fullPath.startsWith("/compat/v1/") || !server.nativeAtV1() ? "openai" : "llama";
    String path =
        fullPath.startsWith("/compat/v1/")
            ? fullPath.substring("/compat/v1".length())
            : fullPath.startsWith("/v1/") ? fullPath.substring("/v1".length()) : fullPath;
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    JsonNode body = MissingNode.getInstance();
    if (bytes.length > 0) {
      try {
        body = FakeLlamaApiJson.MAPPER.readTree(bytes);
      } catch (IOException e) {
        body =
            FakeLlamaApiJson.MAPPER
                .getNodeFactory()
                .textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    String endpoint = endpointOf(method, path, !fullPath.equals(path));
    if (endpoint.equals(FakeLlamaApi.CHAT)
        && body.path("model").asText("").toLowerCase(Locale.ROOT).contains("guard")) {
      endpoint = FakeLlamaApi.GUARD;
    }
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return new FakeLlamaApiRequest(method, style, endpoint, path, headers, body);
  }

  private static String endpointOf(String method, String path, boolean known) {
    if (!known) {
      return "other";
    }
    if (method.equals("POST") && path.equals("/chat/completions")) {
      return FakeLlamaApi.CHAT;
    }
    if (method.equals("POST") && path.equals("/moderations")) {
      return FakeLlamaApi.MODERATION;
    }
    if (method.equals("GET") && (path.equals("/models") || path.startsWith("/models/"))) {
      return FakeLlamaApi.MODELS;
    }
    return "other";
  }

  static boolean isJson(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }
}
