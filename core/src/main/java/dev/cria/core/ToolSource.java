package dev.cria.core;

import java.time.Duration;
import java.util.List;

/** Where tools come from: the built-in ones, and each MCP server. */
public interface ToolSource {

  /** The tools offered now. Never throws: a source that cannot be reached offers none. */
  List<ToolSpec> tools();

  /**
   * Runs one of this source's tools.
   *
   * @param argumentsJson the model's arguments, as JSON text
   * @return the result, as text for the model
   * @throws ToolException with a short message fit for the user and the model
   */
  String call(String name, String argumentsJson, Duration timeout);

  /** Why a tool call failed, in words for the user and the model. */
  final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
      super(message);
    }

    public ToolException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
