package dev.cria.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Attachment;
import dev.cria.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How attachments are judged and read: kinds by type and name, text, PDF, image token costs. */
class AttachmentReadingTest {

  @ParameterizedTest
  @CsvSource({
    "shot.png, image/png, IMAGE",
    "photo.JPG, '', IMAGE",
    "anim.gif, image/gif, IMAGE",
    "pic.webp, image/webp, IMAGE",
    "icon.bmp, image/bmp, UNSUPPORTED",
    "notes.md, '', TEXT",
    "data.csv, text/csv, TEXT",
    "Main.java, application/octet-stream, TEXT",
    "config.json, application/json, TEXT",
    "report.pdf, application/pdf, PDF",
    "scan.pdf, '', PDF",
    "archive.zip, application/zip, UNSUPPORTED",
    "song.mp3, audio/mpeg, UNSUPPORTED",
  })
  void kindsComeFromTheTypeOrTheName(String name, String mimeType, FileKind kind) {
    assertEquals(kind, FileKind.of(new Attachment(name, mimeType, 1, "https://x")));
  }

  @Test
  void textIsReadAsUtf8AndBinaryIsRefused() {
    byte[] text = "\uFEFFname,age\nllama,7\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("name,age\nllama,7\n", FileText.of(FileKind.TEXT, text));
    var refused =
        assertThrows(
            FileText.Unreadable.class, () -> FileText.of(FileKind.TEXT, new byte[] {0, 1}));
    assertTrue(refused.getMessage().contains("binary"));
  }

  @Test
  void aPdfsTextIsExtractedAndABrokenOneIsTold() {
    assertEquals("Llamas hum.", FileText.of(FileKind.PDF, TestFiles.pdf("Llamas hum.")));
    var refused =
        assertThrows(
            FileText.Unreadable.class,
            () ->
                FileText.of(FileKind.PDF, "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8)));
    assertEquals("it is not a readable PDF", refused.getMessage());
  }

  @Test
  void imagesCostTilesAndUnreadableSizesCountAsTheLargest() {
    assertEquals(147, ImageTokens.estimate("image/png", TestFiles.PNG), "one tile and two markers");
    assertEquals(16 * 145 + 2 + 147, ImageTokens.estimate("image/webp", new byte[] {1, 2, 3}));
  }
}
