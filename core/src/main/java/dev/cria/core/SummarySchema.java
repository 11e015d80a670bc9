package dev.cria.core;

import dev.cria.chat.Summary;
import java.util.List;

/**
 * The answer {@code summarize} asks the model for, as a JSON Schema and as the record the model
 * client maps it onto. Every property is required (OpenAI's {@code strict} mode wants that); empty
 * lists stand for "nothing of the kind".
 */
final class SummarySchema {

  /** One action item as the model writes it. */
  public record Item(String task, String owner) {}

  /** The whole answer. */
  public record Fields(
      String title,
      String summary,
      List<String> decisions,
      List<Item> actionItems,
      List<String> openQuestions) {

    Summary toSummary(String scope) {
      return new Summary(
          scope,
          title,
          summary,
          decisions,
          actionItems.stream()
              .map(item -> new Summary.ActionItem(item.task(), item.owner()))
              .toList(),
          openQuestions);
    }
  }

  static final JsonSchema<Fields> SCHEMA =
      new JsonSchema<>(
          "ConversationSummary",
          """
          {
            "type": "object",
            "properties": {
              "title": {"type": "string", "description": "at most 80 characters"},
              "summary": {"type": "string", "description": "a few sentences"},
              "decisions": {"type": "array", "items": {"type": "string"}},
              "action_items": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "task": {"type": "string"},
                    "owner": {
                      "type": "string",
                      "description": "the person's name or user id as written, or empty"
                    }
                  },
                  "required": ["task", "owner"],
                  "additionalProperties": false
                }
              },
              "open_questions": {"type": "array", "items": {"type": "string"}}
            },
            "required": ["title", "summary", "decisions", "action_items", "open_questions"],
            "additionalProperties": false
          }""",
          Fields.class);

  private SummarySchema() {}
}
