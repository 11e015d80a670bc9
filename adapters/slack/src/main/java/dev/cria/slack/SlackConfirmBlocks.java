package dev.cria.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The blocks of a confirmation request: its text in a {@code section}, then an {@code actions}
 * block with Run (action {@value #RUN_ACTION_ID}, primary) and Cancel (action {@value
 * #CANCEL_ACTION_ID}), both with the pending call's id as their value. A section holds at most
 * {@value SlackFeedbackBlocks#SECTION_LIMIT} characters; a longer text is cut there.
 */
final class SlackConfirmBlocks {

  static final String RUN_ACTION_ID = "cria_tool_run";
  static final String CANCEL_ACTION_ID = "cria_tool_cancel";

  private SlackConfirmBlocks() {}

  static String blocks(String mrkdwn, String pendingId) {
    int limit = SlackFeedbackBlocks.SECTION_LIMIT;
    String shown = mrkdwn.length() > limit ? mrkdwn.substring(0, limit - 1) + "…" : mrkdwn;
    JsonObject text = new JsonObject();
    text.addProperty("type", "mrkdwn");
    text.addProperty("text", shown);
    JsonObject section = new JsonObject();
    section.addProperty("type", "section");
    section.add("text", text);
    JsonArray elements = new JsonArray();
    elements.add(button(RUN_ACTION_ID, "Run", pendingId, true));
    elements.add(button(CANCEL_ACTION_ID, "Cancel", pendingId, false));
    JsonObject actions = new JsonObject();
    actions.addProperty("type", "actions");
    actions.add("elements", elements);
    JsonArray blocks = new JsonArray();
    blocks.add(section);
    blocks.add(actions);
    return blocks.toString();
  }

  private static JsonObject button(String actionId, String label, String value, boolean primary) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", label);
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    button.add("text", text);
    button.addProperty("value", value);
    if (primary) {
      button.addProperty("style", "primary");
    }
    return button;
  }
}
