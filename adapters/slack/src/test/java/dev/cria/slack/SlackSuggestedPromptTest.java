package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackSuggestedPromptTest {

  @Test
  void readsTitleEqualsMessageSeparatedByBars() {
    assertEquals(
        List.of(
            new SlackSuggestedPrompt("Sum up", "Summarise: a=b"),
            new SlackSuggestedPrompt("Draft", "Draft a reply")),
        SlackSuggestedPrompt.parse(" Sum up = Summarise: a=b | Draft=Draft a reply "));
    assertEquals(List.of(), SlackSuggestedPrompt.parse(null));
    assertEquals(List.of(), SlackSuggestedPrompt.parse("  "));
  }

  @Test
  void malformedListsNameTheVariable() {
    for (String bad :
        List.of("no equals", "=message only", "title=", "a=1|", "a=1|b=2|c=3|d=4|e=5")) {
      var failure =
          assertThrows(IllegalStateException.class, () -> SlackSuggestedPrompt.parse(bad));
      assertTrue(failure.getMessage().startsWith("CRIA_SLACK_SUGGESTED_PROMPTS "), bad);
    }
  }
}
