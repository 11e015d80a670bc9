package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlackThreadTitleTest {

  @Test
  void theFirstLineWithoutMarkup() {
    assertEquals(
        "Why does see the docs fail?",
        SlackThreadTitle.of("  Why does _<https://x.dev|see the docs>_ *fail*?\nmore lines"));
  }

  @Test
  void longQuestionsAreCutAtAWord() {
    String title =
        SlackThreadTitle.of(
            "Please compare the three deployment options for a small team with one on-call person");
    assertTrue(title.length() <= SlackThreadTitle.MAX, title);
    assertEquals("Please compare the three deployment options for a small…", title);
  }

  @Test
  void nothingLeftMeansNoTitle() {
    assertNull(SlackThreadTitle.of(" <@U0CRIA> "));
    assertNull(SlackThreadTitle.of(null));
  }
}
