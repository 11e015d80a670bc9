package dev.cria.core;

import java.time.Duration;

/**
 * The short lines that show the tool-call loop's steps in the thread, and what the model is told
 * when a call gives no result.
 */
final class ToolTexts {

  private ToolTexts() {}

  static String using(String tool) {
    return "_Using `" + tool + "`…_";
  }

  static String failed(String tool, String why) {
    return "_`" + tool + "` failed: " + why + "_";
  }

  static String stepBound(int steps) {
    return "_Stopped using tools after " + steps + " steps._";
  }

  static String timeBound(Duration total) {
    return "_Stopped using tools: they took longer than " + duration(total) + "._";
  }

  /** The most characters of a call's arguments the confirmation request shows. */
  static final int MAX_SHOWN_ARGUMENTS = 300;

  /** The question under which the Run and Cancel buttons sit. */
  static String confirmRequest(String tool, String argumentsJson) {
    String shown = argumentsJson.strip().replace('`', '\'');
    if (shown.length() > MAX_SHOWN_ARGUMENTS) {
      shown = shown.substring(0, MAX_SHOWN_ARGUMENTS) + "…";
    }
    return "Cria wants to run `" + tool + "` with `" + shown + "`. Run it?";
  }

  static String ran(String tool) {
    return "_Ran `" + tool + "`._";
  }

  static String cancelled() {
    return "Cancelled: the tool was not run.";
  }

  static String onlyAsker(String asker) {
    return "Only " + asker + " can confirm this.";
  }

  static String expired() {
    return "This confirmation expired (after 10 minutes), so the tool was not run. Ask again if"
        + " you still want it.";
  }

  static String decided(String decision) {
    return switch (decision) {
      case PendingToolCall.RUN -> "This was already confirmed: the tool ran.";
      case PendingToolCall.CANCEL -> "This was already cancelled: the tool was not run.";
      default -> expired();
    };
  }

  static String noSuchConfirmation() {
    return "This confirmation is no longer available, so the tool was not run.";
  }

  /** The tool result the model gets for a call that failed. */
  static String errorForModel(String why) {
    return "Error: " + why;
  }

  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
  }
}
