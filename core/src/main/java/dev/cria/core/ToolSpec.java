package dev.cria.core;

/**
 * A tool the model may call.
 *
 * @param name unique across every source; letters, digits, {@code _} and {@code -} only
 * @param parametersSchema the JSON Schema of the arguments, as JSON text
 * @param sideEffecting true when the operator says the tool changes something: it runs only after
 *     the asker confirms
 */
public record ToolSpec(
    String name, String description, String parametersSchema, boolean sideEffecting) {}
