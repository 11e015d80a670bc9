package dev.cria.mcp;

import dev.cria.core.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server's tools as the model sees them: each named {@code <server>__<tool>}, with characters a
 * model API does not take in a function name replaced by {@code _}, and cut to 64 characters (the
 * OpenAI limit). Knows which MCP tool each name stands for. Immutable: a refresh builds a new one.
 */
final class ToolCatalog {

  static final String SEPARATOR = "__";
  static final int MAX_NAME = 64;

  private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_-]");
  private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

  private final List<ToolSpec> specs;
  private final Map<String, String> mcpNames;

  private ToolCatalog(List<ToolSpec> specs, Map<String, String> mcpNames) {
    this.specs = List.copyOf(specs);
    this.mcpNames = Map.copyOf(mcpNames);
  }

  static ToolCatalog empty() {
    return new ToolCatalog(List.of(), Map.of());
  }

  /**
   * The catalog of {@code tools}, as {@code server} lists them. A tool whose name, once cleaned,
   * clashes with another one's is left out, with a warning.
   */
  static ToolCatalog of(
      McpServerSettings server,
      List<McpSchema.Tool> tools,
      ConfirmPatterns confirm,
      McpJsonMapper json) {
    List<ToolSpec> specs = new ArrayList<>();
    Map<String, String> mcpNames = new LinkedHashMap<>();
    for (McpSchema.Tool tool : tools) {
      String name = exposedName(server.name(), tool.name());
      if (mcpNames.containsKey(name)) {
        LOG.warn(
            "MCP server {}: tools {} and {} have the same name for the model ({}); {} is left out",
            server.name(),
            mcpNames.get(name),
            tool.name(),
            name,
            tool.name());
        continue;
      }
      mcpNames.put(name, tool.name());
      specs.add(
          new ToolSpec(
              name,
              description(tool),
              schema(tool, json),
              confirm.matches(tool.name()) || destructive(tool)));
    }
    return new ToolCatalog(specs, mcpNames);
  }

  static String exposedName(String server, String tool) {
    String name = server + SEPARATOR + NOT_ALLOWED.matcher(tool).replaceAll("_");
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  List<ToolSpec> specs() {
    return specs;
  }

  /** The MCP tool an offered name stands for. */
  Optional<String> mcpName(String exposed) {
    return Optional.ofNullable(mcpNames.get(exposed));
  }

  private static String description(McpSchema.Tool tool) {
    if (tool.description() != null && !tool.description().isBlank()) {
      return tool.description();
    }
    return tool.title() != null ? tool.title() : tool.name();
  }

  /** The server's input schema as it sent it; an object with no properties when it sent none. */
  private static String schema(McpSchema.Tool tool, McpJsonMapper json) {
    if (tool.inputSchema() == null || tool.inputSchema().isEmpty()) {
      return EMPTY_SCHEMA;
    }
    try {
      return json.writeValueAsString(tool.inputSchema());
    } catch (IOException e) {
      LOG.warn("MCP tool {}: its input schema could not be written as JSON", tool.name(), e);
      return EMPTY_SCHEMA;
    }
  }

  /**
   * A server that says a tool is destructive is believed: the hint only ever adds a confirmation,
   * never removes one the operator asked for.
   */
  private static boolean destructive(McpSchema.Tool tool) {
    McpSchema.ToolAnnotations annotations = tool.annotations();
    return annotations != null
        && Boolean.TRUE.equals(annotations.destructiveHint())
        && !Boolean.TRUE.equals(annotations.readOnlyHint());
  }
}
