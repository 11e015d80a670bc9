package dev.cria.core;

import java.util.Objects;

/**
 * What a structured answer must look like: a JSON Schema as text (the core has no JSON library),
 * and the record the model client maps the answer onto. The record's components are the schema's
 * properties in snake_case ({@code actionItems} is {@code action_items}); every one of them is
 * required, and an answer that lacks one, or has one of another type, is no answer.
 *
 * @param name the schema's name on the wire ({@code json_schema.name})
 * @param schema the JSON Schema of the answer, an object
 */
public record JsonSchema<T extends Record>(String name, String schema, Class<T> type) {

  public JsonSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(type, "type");
  }
}
