package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request {@link FakeLlamaApi} received, as the test sees it.
 *
 * @param style {@code llama} for {@code /v1/...}, {@code openai} for {@code /compat/v1/...}
 * @param endpoint {@code chat}, {@code moderation}, {@code models} or {@code other}
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
}
