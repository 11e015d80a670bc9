package dev.cria.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageChunkerTest {

  @Test
  void shortTextStaysWhole() {
    assertEquals(List.of("hello"), MessageChunker.split("hello", 2000));
  }

  @Test
  void splitsAtParagraphsAndLosesNoWord() {
    String paragraph = "word ".repeat(150).strip();
    String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);

    List<String> chunks = MessageChunker.split(text, 2000);

    assertTrue(chunks.size() > 1);
    chunks.forEach(chunk -> assertTrue(chunk.length() <= 2000, "chunk of " + chunk.length()));
    assertEquals(words(text), words(String.join(" ", chunks)));
  }

  @Test
  void reopensACodeBlockThatIsSplit() {
    StringBuilder code = new StringBuilder("Here:\n\n```java\n");
    for (int i = 0; i < 200; i++) {
      code.append("int value").append(i).append(" = ").append(i).append(";\n");
    }
    code.append("```\nDone.");

    List<String> chunks = MessageChunker.split(code.toString(), 1000);

    assertTrue(chunks.size() > 2);
    for (String chunk : chunks) {
      assertTrue(chunk.length() <= 1000, "chunk of " + chunk.length());
      long fences = chunk.lines().filter(line -> line.startsWith("```")).count();
      assertEquals(0, fences % 2, "unbalanced fences in: " + chunk);
    }
    assertTrue(chunks.get(1).startsWith("```java\n"));
    assertTrue(chunks.getLast().endsWith("Done."));
  }

  @Test
  void cutsAWordOnlyWhenThereIsNoSpace() {
    String text = "x".repeat(5000);

    List<String> chunks = MessageChunker.split(text, 2000);

    assertEquals(text, String.join("", chunks));
    chunks.forEach(chunk -> assertTrue(chunk.length() <= 2000));
  }

  private static List<String> words(String text) {
    return List.of(text.split("\\s+"));
  }
}
