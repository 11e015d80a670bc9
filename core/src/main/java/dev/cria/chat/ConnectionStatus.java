package dev.cria.chat;

import java.time.Instant;

/**
 * Where a platform connection stands, for {@code /health} and the log.
 *
 * @param state connecting, connected, or down (retrying in the background)
 * @param detail what the adapter is doing or what went wrong and what to check; never a secret
 * @param since when it entered this state
 */
public record ConnectionStatus(State state, String detail, Instant since) {

  public enum State {
    CONNECTING,
    CONNECTED,
    DOWN
  }

  public static ConnectionStatus connecting(String detail) {
    return new ConnectionStatus(State.CONNECTING, detail, Instant.now());
  }

  public static ConnectionStatus connected(String detail) {
    return new ConnectionStatus(State.CONNECTED, detail, Instant.now());
  }

  public static ConnectionStatus down(String detail) {
    return new ConnectionStatus(State.DOWN, detail, Instant.now());
  }

  public boolean up() {
    return state == State.CONNECTED;
  }
}
