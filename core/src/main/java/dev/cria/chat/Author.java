package dev.cria.chat;

import java.util.List;

/**
 * Who wrote a message. {@code bot} is true for any bot, Cria itself included. {@code roles} are the
 * Discord role ids the author holds where the message was written (empty elsewhere); they decide
 * access ({@code CRIA_ALLOW_DISCORD_ROLES}) and are not stored.
 */
public record Author(String id, String displayName, boolean bot, List<String> roles) {

  public Author {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public Author(String id, String displayName, boolean bot) {
    this(id, displayName, bot, List.of());
  }

  public static Author human(String id, String displayName) {
    return new Author(id, displayName, false);
  }
}
