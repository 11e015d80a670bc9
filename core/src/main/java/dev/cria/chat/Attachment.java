package dev.cria.chat;

import java.util.Objects;

/**
 * A file posted with a message, as the platform describes it; the bytes are fetched later through
 * the platform's {@link AttachmentDownloader}.
 *
 * @param name the file name the user gave it
 * @param mimeType the type the platform reports, or an empty string when it reports none
 * @param size bytes, as the platform reports them; 0 when unknown
 * @param source where the adapter downloads it from (Slack {@code url_private}, a Discord CDN URL);
 *     opaque to the core; empty when the platform did not hand the file over (the user is told)
 */
public record Attachment(String name, String mimeType, long size, String source) {

  public Attachment {
    Objects.requireNonNull(source, "source");
    name = name == null || name.isBlank() ? "file" : name;
    mimeType = mimeType == null ? "" : mimeType;
  }

  /** Whether the platform gave a place to fetch the file from. */
  public boolean available() {
    return !source.isBlank();
  }

  @Override
  public String toString() {
    // The source may carry a signed URL: it stays out of logs.
    return "Attachment[" + name + ", " + mimeType + ", " + size + " bytes]";
  }
}
