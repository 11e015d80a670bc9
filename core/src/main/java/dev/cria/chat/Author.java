package dev.cria.chat;

/** Who wrote a message. {@code bot} is true for any bot, Cria itself included. */
public record Author(String id, String displayName, boolean bot) {

  public static Author human(String id, String displayName) {
    return new Author(id, displayName, false);
  }
}
