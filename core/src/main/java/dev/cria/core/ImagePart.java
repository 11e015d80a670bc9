package dev.cria.core;

/**
 * An image sent to the model with a user turn.
 *
 * @param mimeType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}
 * @param base64 the bytes, base64-encoded
 */
public record ImagePart(String name, String mimeType, String base64) {

  /** The {@code data:} URL both dialects take in an {@code image_url} part. */
  public String dataUrl() {
    return "data:" + mimeType + ";base64," + base64;
  }

  @Override
  public String toString() {
    return "ImagePart[" + name + ", " + mimeType + ", " + base64.length() + " base64 chars]";
  }
}
