package dev.cria.mcp;

import dev.cria.core.ToolSource.ToolException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool's result as text for the model: its text parts, one after the other; what the model cannot
 * read (images, audio) named in brackets; the structured content as JSON when there is no text. A
 * result longer than {@link #MAX_CHARS} is cut and says so. A result the server marks {@code
 * isError} becomes a {@link ToolException} with its text.
 */
final class ToolResults {

  static final int MAX_CHARS = 16_000;
  private static final int MAX_ERROR_CHARS = 300;

  private ToolResults() {}

  static String text(String tool, McpSchema.CallToolResult result, McpJsonMapper json) {
    String text = contents(result, json);
    if (Boolean.TRUE.equals(result.isError())) {
      String reason = text.isBlank() ? "no reason given" : text.strip();
      if (reason.length() > MAX_ERROR_CHARS) {
        reason = reason.substring(0, MAX_ERROR_CHARS) + "…";
      }
      throw new ToolException("The tool " + tool + " failed: " + reason);
    }
    if (text.length() > MAX_CHARS) {
      return text.substring(0, MAX_CHARS)
          + "\n[cut: the tool returned "
          + text.length()
          + " characters, the first "
          + MAX_CHARS
          + " are shown]";
    }
    return text;
  }

  private static String contents(McpSchema.CallToolResult result, McpJsonMapper json) {
    List<String> parts = new ArrayList<>();
    for (McpSchema.Content content : result.content()) {
      parts.add(part(content));
    }
    if (parts.stream().allMatch(String::isBlank) && result.structuredContent() != null) {
      try {
        return json.writeValueAsString(result.structuredContent());
      } catch (IOException e) {
        return "[structured content that could not be read]";
      }
    }
    return String.join("\n", parts);
  }

  private static String part(McpSchema.Content content) {
    return switch (content) {
      case McpSchema.TextContent text -> text.text();
      case McpSchema.ImageContent image ->
          "[an image (" + image.mimeType() + ") the model cannot see]";
      case McpSchema.AudioContent audio ->
          "[audio (" + audio.mimeType() + ") the model cannot hear]";
      case McpSchema.EmbeddedResource embedded -> resource(embedded.resource());
      case McpSchema.ResourceLink link -> "[resource " + link.uri() + "]";
      default -> "[" + content.type() + " content]";
    };
  }

  private static String resource(McpSchema.ResourceContents resource) {
    if (resource instanceof McpSchema.TextResourceContents text) {
      return text.text();
    }
    return "[resource " + resource.uri() + " (" + resource.mimeType() + ")]";
  }
}
