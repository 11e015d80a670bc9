package dev.cria.core;

/**
 * An attachment kept with a user turn: an image, base64-encoded, or a file's extracted text.
 *
 * @param content the image as base64, or the file's text
 * @param tokens what it is estimated to cost in the model's context
 */
public record StoredAttachment(
    Kind kind, String name, String mimeType, String content, int tokens) {

  public enum Kind {
    IMAGE,
    FILE
  }

  public static StoredAttachment image(String name, String mimeType, String base64, int tokens) {
    return new StoredAttachment(Kind.IMAGE, name, mimeType, base64, tokens);
  }

  public static StoredAttachment file(String name, String mimeType, String text) {
    return new StoredAttachment(Kind.FILE, name, mimeType, text, HistoryWindow.estimate(text));
  }

  public boolean isImage() {
    return kind == Kind.IMAGE;
  }

  @Override
  public String toString() {
    return "StoredAttachment[" + kind + ", " + name + ", " + mimeType + "]";
  }
}
