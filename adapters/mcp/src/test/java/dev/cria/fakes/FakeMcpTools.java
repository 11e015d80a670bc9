package dev.cria.fakes;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** The fake MCP server's tools; each call is recorded as {@code name {arguments}}. */
final class FakeMcpTools {

  private final List<String> calls;
  private final Runnable awaitRelease;

  FakeMcpTools(List<String> calls, Runnable awaitRelease) {
    this.calls = calls;
    this.awaitRelease = awaitRelease;
  }

  /** The tools every fake starts with (see {@link FakeMcpServer}). */
  List<SyncToolSpecification> standard() {
    return List.of(
        text(
            "get_weather",
            "The weather in a city now",
            Map.of("city", Map.of("type", "string", "description", "the city")),
            "Sunny, 21 °C in %city%"),
        text(
            "create_issue",
            "Opens an issue",
            Map.of("title", Map.of("type", "string")),
            "Created issue #42: %title%"),
        tool(
            McpSchema.Tool.builder("delete_repo", objectSchema(Map.of()))
                .description("Deletes the repository")
                .annotations(
                    new McpSchema.ToolAnnotations("Delete", false, true, false, false, false))
                .build(),
            arguments -> result("Deleted", false)),
        tool(
            McpSchema.Tool.builder("archived_repo", objectSchema(Map.of()))
                .description("Always fails")
                .build(),
            arguments -> result("the repository is archived", true)),
        tool(
            McpSchema.Tool.builder("slow", objectSchema(Map.of()))
                .description("Answers late")
                .build(),
            arguments -> {
              awaitRelease.run();
              return result("finally", false);
            }));
  }

  /** A tool answering {@code answer}, with {@code %name%} replaced by the argument {@code name}. */
  SyncToolSpecification text(
      String name, String description, Map<String, Object> properties, String answer) {
    return tool(
        McpSchema.Tool.builder(name, objectSchema(properties)).description(description).build(),
        arguments -> {
          String text = answer;
          for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            text = text.replace("%" + argument.getKey() + "%", String.valueOf(argument.getValue()));
          }
          return result(text, false);
        });
  }

  private SyncToolSpecification tool(
      McpSchema.Tool tool,
      java.util.function.Function<Map<String, Object>, McpSchema.CallToolResult> answer) {
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) -> {
              Map<String, Object> arguments =
                  request.arguments() == null ? Map.of() : request.arguments();
              calls.add(request.name() + " " + new java.util.TreeMap<>(arguments));
              return answer.apply(arguments);
            })
        .build();
  }

  private static Map<String, Object> objectSchema(Map<String, Object> properties) {
    return Map.of("type", "object", "properties", properties);
  }

  private static McpSchema.CallToolResult result(String text, boolean error) {
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(error).build();
  }
}
