package dev.cria.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Slack's native feedback buttons under an answer: a {@code context_actions} block holding {@code
 * feedback_buttons} (values {@value #UP} and {@value #DOWN}, action {@value #ACTION_ID}), then an
 * {@code actions} block with the Regenerate button (action {@value #REGENERATE_ACTION_ID}; its
 * value is the ts of the answer's first message, which the answer is stored under, or empty when
 * that is the message carrying the button). A message with blocks shows the blocks, not its text,
 * so an edited or posted answer carries its text again in a {@code section}, which holds at most
 * {@value #SECTION_LIMIT} characters: a longer last part goes without buttons.
 */
final class SlackFeedbackBlocks {

  static final String ACTION_ID = "cria_feedback";
  static final String REGENERATE_ACTION_ID = "cria_regenerate";
  static final String UP = "up";
  static final String DOWN = "down";
  static final int SECTION_LIMIT = 3000;

  private SlackFeedbackBlocks() {}

  /** The blocks for a message showing {@code mrkdwn} with buttons, or null when it is too long. */
  static String withText(String mrkdwn, String firstTs) {
    if (mrkdwn.isEmpty() || mrkdwn.length() > SECTION_LIMIT) {
      return null;
    }
    JsonObject text = new JsonObject();
    text.addProperty("type", "mrkdwn");
    text.addProperty("text", mrkdwn);
    JsonObject section = new JsonObject();
    section.addProperty("type", "section");
    section.add("text", text);
    JsonArray blocks = new JsonArray();
    blocks.add(section);
    blocks.add(buttons());
    blocks.add(regenerate(firstTs));
    return blocks.toString();
  }

  /** The buttons alone, added under a stream's text when it is stopped. */
  static String alone() {
    JsonArray blocks = new JsonArray();
    blocks.add(buttons());
    blocks.add(regenerate(null));
    return blocks.toString();
  }

  private static JsonObject regenerate(String firstTs) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", "Regenerate");
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", REGENERATE_ACTION_ID);
    button.add("text", text);
    button.addProperty("value", firstTs == null ? "" : firstTs);
    JsonArray elements = new JsonArray();
    elements.add(button);
    JsonObject block = new JsonObject();
    block.addProperty("type", "actions");
    block.add("elements", elements);
    return block;
  }

  private static JsonObject buttons() {
    JsonObject element = new JsonObject();
    element.addProperty("type", "feedback_buttons");
    element.addProperty("action_id", ACTION_ID);
    element.add("positive_button", button("Good answer", UP));
    element.add("negative_button", button("Bad answer", DOWN));
    JsonArray elements = new JsonArray();
    elements.add(element);
    JsonObject block = new JsonObject();
    block.addProperty("type", "context_actions");
    block.add("elements", elements);
    return block;
  }

  private static JsonObject button(String label, String value) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", value.equals(UP) ? "👍" : "👎");
    JsonObject button = new JsonObject();
    button.add("text", text);
    button.addProperty("value", value);
    button.addProperty("accessibility_label", label);
    return button;
  }
}
