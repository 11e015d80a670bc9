package dev.cria.llama;

/**
 * What one stream chunk adds to the answer; every part may be absent (null or empty).
 *
 * @param model the model the server says answered, or null
 */
record StreamDelta(
    String text, String stopReason, Integer promptTokens, Integer completionTokens, String model) {

  static final StreamDelta NOTHING = new StreamDelta("", null, null, null, null);
}
