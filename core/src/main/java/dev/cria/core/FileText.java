package dev.cria.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a file: UTF-8 for text, Markdown, CSV and code; Apache PDFBox for PDF. */
final class FileText {

  private FileText() {}

  /**
   * The file's text.
   *
   * @throws Unreadable when the file holds no text Cria can read
   */
  static String of(FileKind kind, byte[] bytes) {
    return switch (kind) {
      case PDF -> pdf(bytes);
      case TEXT -> utf8(bytes);
      default -> throw new IllegalArgumentException("not a text kind: " + kind);
    };
  }

  private static String utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.indexOf('\u0000') >= 0) {
        throw new Unreadable("it looks like a binary file, not text");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new Unreadable("it is not UTF-8 text");
    }
  }

  private static String pdf(byte[] bytes) {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
        throw new Unreadable("the PDF does not allow its text to be extracted");
      }
      String text = new PDFTextStripper().getText(document).strip();
      if (text.isEmpty()) {
        throw new Unreadable("the PDF holds no text (a scan?)");
      }
      return text;
    } catch (IOException e) {
      throw new Unreadable("it is not a readable PDF");
    }
  }

  /** The file could not be read as text; the message says why, for the user. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }
}
