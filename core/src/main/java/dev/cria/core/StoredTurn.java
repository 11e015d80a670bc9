package dev.cria.core;

import java.util.List;

/** A turn as stored: who said it and what, with the images and file texts posted with it. */
public record StoredTurn(
    ChatTurn.Role role, String authorName, String content, List<StoredAttachment> attachments) {

  public StoredTurn {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public StoredTurn(ChatTurn.Role role, String authorName, String content) {
    this(role, authorName, content, List.of());
  }
}
