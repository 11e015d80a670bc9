package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackMentionGuardTest {

  /** What Slack turns into a notification in message text. */
  private static final Pattern PING =
      Pattern.compile(
          "<!(channel|here|everyone)(\\|[^>]*)?>|<!subteam\\^[A-Z0-9]+(\\|[^>]*)?>|<@[UW][A-Z0-9]+>"
              + "|(?i)(?<![\\w@])@(channel|here|everyone)\\b");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<!here|here>",
        "<!subteam^S0DEV|@devs>",
        "<!subteam^S0DEV>",
        "<@U0BOB>",
        "<@W0BOB>",
        "@channel",
        "@Here!",
        "hey @everyone, look",
        "(@channel)"
      })
  void streamedMarkdownCannotPing(String modelOutput) {
    String guarded = SlackMentionGuard.markdown("Note: " + modelOutput + " thanks");
    assertFalse(PING.matcher(guarded).find(), guarded);
    assertEquals(
        ("Note: " + modelOutput + " thanks"), guarded.replace(SlackMentionGuard.WORD_JOINER, ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<!subteam^S0DEV|@devs>",
        "<@U0BOB>",
        "@channel",
        "@everyone"
      })
  void renderedMrkdwnCannotPing(String modelOutput) {
    String rendered = SlackMrkdwnRenderer.render("Note: " + modelOutput + " thanks");
    assertFalse(PING.matcher(rendered).find(), rendered);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<!DOCTYPE html>", "ada@here.com", "a <b> c", "email me @ noon"})
  void harmlessTextIsLeftAlone(String text) {
    assertEquals(text, SlackMentionGuard.markdown(text));
  }
}
