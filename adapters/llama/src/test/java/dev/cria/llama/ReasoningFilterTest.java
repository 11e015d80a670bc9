package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Thinking in {@code <think>} tags never reaches the answer, however the stream splits it. */
class ReasoningFilterTest {

  @Test
  void aWholeThoughtIsDropped() {
    assertEquals(
        "A cria is a baby llama.",
        ReasoningFilter.strip("<think>\nThe user asks.\n</think>\n\nA cria is a baby llama."));
  }

  @Test
  void tagsSplitOverChunksAreStillFound() {
    assertEquals(
        "Answer.", streamed(List.of("<th", "ink>thinking", " more</th", "ink>", "Answer.")));
    assertEquals("Answer.", streamed(List.of("<", "t", "h", "i", "n", "k", ">x</think>Answer.")));
  }

  @Test
  void textThatOnlyLooksLikeATagStartIsKept() {
    assertEquals("a < b and <thin ice>", streamed(List.of("a < b and <thi", "n ice>")));
    assertEquals("ends with <th", streamed(List.of("ends with <th")));
  }

  @Test
  void anUnclosedThoughtHidesTheRest() {
    assertEquals("", streamed(List.of("<think>still thinking when the stream ended")));
  }

  @Test
  void textWithoutThoughtsIsUntouched() {
    assertEquals("  Plain text.\n", ReasoningFilter.strip("  Plain text.\n"));
  }

  private static String streamed(List<String> fragments) {
    ReasoningFilter filter = new ReasoningFilter();
    StringBuilder shown = new StringBuilder();
    fragments.forEach(fragment -> shown.append(filter.accept(fragment)));
    return shown.append(filter.finish()).toString();
  }
}
