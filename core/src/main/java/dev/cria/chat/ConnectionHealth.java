package dev.cria.chat;

/**
 * A connection Cria keeps open to a chat platform, as {@code /health} shows it: one component per
 * enabled adapter, DOWN while it is not connected.
 */
public interface ConnectionHealth {

  /** The health component's name, e.g. {@code slack}. */
  String component();

  ConnectionStatus status();
}
