package dev.cria.core;

/** The answer a conversation's title is asked for: {@code {"title": "..."}}. */
final class TitleSchema {

  /** The answer. */
  public record Fields(String title) {}

  static final JsonSchema<Fields> SCHEMA =
      new JsonSchema<>(
          "ConversationTitle",
          """
          {
            "type": "object",
            "properties": {
              "title": {"type": "string", "maxLength": 100, "description": "at most 100 characters"}
            },
            "required": ["title"],
            "additionalProperties": false
          }""",
          Fields.class);

  private TitleSchema() {}
}
