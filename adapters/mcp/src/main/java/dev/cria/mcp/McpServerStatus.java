package dev.cria.mcp;

import dev.cria.chat.ConnectionStatus;
import java.util.List;

/**
 * Where one MCP server stands, for {@code /health}: connected with its tools, or down (offering
 * none, retrying) with what to check. Never holds the token.
 *
 * @param endpoint the URL without its query
 * @param tools the names the model sees
 */
public record McpServerStatus(
    String name, String endpoint, ConnectionStatus connection, List<String> tools) {

  public McpServerStatus {
    tools = List.copyOf(tools);
  }
}
