package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageSplitterTest {

  /** About 9,000 characters: numbered paragraphs, a list and a long code block in the middle. */
  static String longAnswer() {
    StringBuilder out = new StringBuilder("# A long answer\n\n");
    for (int i = 1; i <= 36; i++) {
      out.append("Paragraph ")
          .append(i)
          .append(" talks about **llamas** and _alpacas_ at some length, ")
          .append("word ".repeat(20).strip())
          .append(".\n\n");
      if (i == 12) {
        out.append("```python\n");
        for (int line = 1; line <= 70; line++) {
          out.append("print('line ").append(line).append(" of the example')  # x < y\n");
        }
        out.append("```\n\n");
      }
      if (i == 20) {
        out.append("- first point\n- second point\n- third point\n\n");
      }
    }
    return out.toString();
  }

  @Test
  void nineThousandCharactersArriveWholeInMessagesUnderFourThousand() {
    String answer = longAnswer();
    assertTrue(answer.length() > 8_500, "answer is " + answer.length());

    List<String> messages = SlackMessageSplitter.messages(answer);

    assertTrue(messages.size() >= 3, "messages: " + messages.size());
    messages.forEach(m -> assertTrue(m.length() < 4_000, "message of " + m.length()));
    messages.forEach(m -> assertEquals(0, m.split("```", -1).length % 2 - 1, "fences in " + m));
    String joined = String.join("\n", messages).replace("```\n```\n", "");
    assertEquals(words(SlackMrkdwnRenderer.render(answer)), words(joined));
  }

  @Test
  void splitsAtParagraphBoundaries() {
    List<String> messages = SlackMessageSplitter.messages(longAnswer());

    for (String message : messages.subList(0, messages.size() - 1)) {
      assertTrue(
          message.endsWith(".") || message.endsWith("```"),
          "cut mid-paragraph: ..." + message.substring(message.length() - 40));
    }
  }

  @Test
  void shortAnswerIsOneMessage() {
    assertEquals(List.of("*Hi* there"), SlackMessageSplitter.messages("**Hi** there"));
  }

  @Test
  void emptyAnswerStillPostsSomething() {
    assertEquals(1, SlackMessageSplitter.messages("  ").size());
  }

  @Test
  void previewMarksTheAnswerUnfinished() {
    assertEquals("*Hi* there …", SlackMessageSplitter.preview("**Hi** there"));
    assertTrue(SlackMessageSplitter.preview(longAnswer()).length() < 4_000);
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }
}
