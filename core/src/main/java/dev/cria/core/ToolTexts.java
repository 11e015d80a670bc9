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
