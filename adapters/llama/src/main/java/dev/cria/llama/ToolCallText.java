package dev.cria.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tool calls a server printed as text instead of sending {@code tool_calls}: Ollama and llama.cpp
 * with Llama 3.x templates that do not parse them pass the model's own call syntax through. Llama
 * 3.1 writes JSON ({@code {"name": ..., "parameters": {...}}}, after {@code <|python_tag|>} in some
 * templates) or {@code <function=name>{...}</function>}; Llama 3.2 and 4 write pythonic calls
 * ({@code [name(a=1, b="x")]}). Recovered only when unambiguous: the whole answer is exactly one
 * call, naming a tool that was offered. Anything else stays text.
 */
final class ToolCallText {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PYTHON_TAG = "<|python_tag|>";
  private static final Pattern END_TOKENS = Pattern.compile("(<\\|(eom_id|eot_id|eom|eot)\\|>)+$");
  private static final Pattern FENCE =
      Pattern.compile("(?s)^```(?:json|python|tool_call)?\\s*\\n(.*)\\n```$");
  private static final Pattern FUNCTION_TAG =
      Pattern.compile("(?s)^<function=([A-Za-z0-9_-]{1,64})>(.*)</function>$");
  private static final Pattern PYTHONIC =
      Pattern.compile("(?s)^\\[\\s*([A-Za-z0-9_-]{1,64})\\((.*)\\)\\s*]$");

  private ToolCallText() {}

  /**
   * Whether an answer that begins like this may still turn out to be a call written as text, so
   * that it is held back from the user until it is known.
   */
  static boolean mayBeCall(String textSoFar) {
    String text = textSoFar.stripLeading();
    return text.isEmpty()
        || text.startsWith("{")
        || text.startsWith("[")
        || text.startsWith("```")
        || text.startsWith("<function=")
        || "<function=".startsWith(text)
        || text.startsWith(PYTHON_TAG)
        || PYTHON_TAG.startsWith(text);
  }

  /** The one call the whole text is, naming one of {@code offered}, or empty. */
  static Optional<ToolCall> recover(String answer, List<ToolSpec> offered) {
    if (offered.isEmpty() || answer == null) {
      return Optional.empty();
    }
    String text = END_TOKENS.matcher(answer.strip()).replaceFirst("").strip();
    if (text.startsWith(PYTHON_TAG)) {
      text = text.substring(PYTHON_TAG.length()).strip();
    }
    Matcher fence = FENCE.matcher(text);
    if (fence.matches()) {
      text = fence.group(1).strip();
    }
    Optional<ToolCall> call =
        text.startsWith("<function=")
            ? functionTag(text)
            : text.startsWith("{") ? jsonCall(text) : pythonic(text);
    if (call.isEmpty()) {
      call = jsonList(text);
    }
    return call.filter(found -> offered.stream().anyMatch(t -> t.name().equals(found.name())));
  }

  /** {@code {"name": "x", "parameters": {...}}}, {@code "arguments"} instead, or in a function. */
  private static Optional<ToolCall> jsonCall(String text) {
    JsonNode node = parse(text);
    return node == null ? Optional.empty() : callOf(node);
  }

  /** A JSON list holding exactly one such call. */
  private static Optional<ToolCall> jsonList(String text) {
    if (!text.startsWith("[")) {
      return Optional.empty();
    }
    JsonNode node = parse(text);
    return node != null && node.isArray() && node.size() == 1
        ? callOf(node.get(0))
        : Optional.empty();
  }

  private static Optional<ToolCall> callOf(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    JsonNode call = node.path("function").isObject() ? node.path("function") : node;
    JsonNode name = call.path("name");
    JsonNode arguments = call.has("parameters") ? call.path("parameters") : call.path("arguments");
    if (!name.isTextual() || node.size() > 3 || call.size() > 3) {
      return Optional.empty();
    }
    if (arguments.isTextual()) {
      arguments = parse(arguments.asText());
    }
    if (arguments == null || !(arguments.isObject() || arguments.isMissingNode())) {
      return Optional.empty();
    }
    String json = arguments.isMissingNode() ? "{}" : arguments.toString();
    return Optional.of(new ToolCall(newId(), name.asText(), json));
  }

  /** {@code <function=name>{"a": 1}</function>}. */
  private static Optional<ToolCall> functionTag(String text) {
    Matcher matcher = FUNCTION_TAG.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String body = matcher.group(2).strip();
    JsonNode arguments = body.isEmpty() ? JSON.createObjectNode() : parse(body);
    return arguments != null && arguments.isObject()
        ? Optional.of(new ToolCall(newId(), matcher.group(1), arguments.toString()))
        : Optional.empty();
  }

  /** {@code [name(a=1, b="x")]}: exactly one call with literal keyword arguments. */
  private static Optional<ToolCall> pythonic(String text) {
    Matcher matcher = PYTHONIC.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return PythonicArguments.parse(matcher.group(2))
        .map(arguments -> new ToolCall(newId(), matcher.group(1), arguments.toString()));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String newId() {
    return "call_" + UUID.randomUUID();
  }

  /** Keyword arguments of a pythonic call: strings, numbers, {@code True/False/None}. */
  static final class PythonicArguments {
    private final String text;
    private int at;

    private PythonicArguments(String text) {
      this.text = text;
    }

    static Optional<ObjectNode> parse(String text) {
      return Optional.ofNullable(new PythonicArguments(text).arguments());
    }

    private ObjectNode arguments() {
      ObjectNode arguments = JSON.createObjectNode();
      skipSpace();
      while (at < text.length()) {
        int start = at;
        while (at < text.length()
            && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
          at++;
        }
        String key = text.substring(start, at);
        skipSpace();
        if (key.isEmpty() || at >= text.length() || text.charAt(at) != '=') {
          return null;
        }
        at++;
        skipSpace();
        if (!value(arguments, key)) {
          return null;
        }
        skipSpace();
        if (at < text.length()) {
          if (text.charAt(at) != ',') {
            return null;
          }
          at++;
          skipSpace();
        }
      }
      return arguments;
    }

    private boolean value(ObjectNode arguments, String key) {
      if (at >= text.length()) {
        return false;
      }
      char first = text.charAt(at);
      if (first == '"' || first == '\'') {
        StringBuilder value = new StringBuilder();
        for (at++; at < text.length() && text.charAt(at) != first; at++) {
          char c = text.charAt(at);
          if (c == '\\' && at + 1 < text.length()) {
            c = text.charAt(++at);
          }
          value.append(c);
        }
        if (at >= text.length()) {
          return false;
        }
        at++;
        arguments.put(key, value.toString());
        return true;
      }
      int start = at;
      while (at < text.length()
          && text.charAt(at) != ','
          && !Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      String literal = text.substring(start, at);
      switch (literal) {
        case "True" -> arguments.put(key, true);
        case "False" -> arguments.put(key, false);
        case "None" -> arguments.putNull(key);
        default -> {
          if (!literal.matches("-?\\d+(\\.\\d+)?")) {
            return false;
          }
          arguments.set(key, JSON.getNodeFactory().numberNode(new java.math.BigDecimal(literal)));
        }
      }
      return true;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
