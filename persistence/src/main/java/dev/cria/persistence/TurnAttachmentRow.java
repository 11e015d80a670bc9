package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An image or a file's text posted with the user turn of an event.
 *
 * @param kind {@link #IMAGE} or {@link #FILE}
 * @param content an image base64-encoded; a file's extracted text
 * @param tokens what it is estimated to cost in the model's context
 */
@MappedEntity("turn_attachment")
public record TurnAttachmentRow(
    @Id @GeneratedValue @Nullable Long id,
    String conversationKey,
    long eventSeq,
    String kind,
    String name,
    String mimeType,
    String content,
    int tokens,
    Instant createdAt) {

  public static final String IMAGE = "image";
  public static final String FILE = "file";
}
