package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackMrkdwnRendererTest {

  private static final String WJ = SlackMentionGuard.WORD_JOINER;

  static Stream<Arguments> markdownToMrkdwn() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("**bold** and __bold__", "*bold* and *bold*"),
        Arguments.of("*italic* and _italic_", "_italic_ and _italic_"),
        Arguments.of("***both***", "_*both*_"),
        Arguments.of("~~gone~~", "~gone~"),
        Arguments.of("[Llama](https://www.llama.com)", "<https://www.llama.com|Llama>"),
        Arguments.of(
            "[**Llama** docs](https://x.io/a?b=1&c=2)", "<https://x.io/a?b=1&amp;c=2|Llama docs>"),
        Arguments.of("<https://x.io>", "<https://x.io>"),
        Arguments.of("[click](javascript:alert(1))", "click"),
        Arguments.of("![a llama](https://x.io/l.png)", "<https://x.io/l.png|a llama>"),
        Arguments.of("use `a < b && c`", "use `a &lt; b &amp;&amp; c`"),
        Arguments.of("```java\nif (a < b) {}\n```", "```\nif (a &lt; b) {}\n```"),
        Arguments.of("    indented\n    code", "```\nindented\ncode\n```"),
        Arguments.of("# Title\n\nText", "*Title*\n\nText"),
        Arguments.of("### Small *title*", "*Small _title_*"),
        Arguments.of("- one\n- two", "• one\n• two"),
        Arguments.of("1. one\n2. two", "1. one\n2. two"),
        Arguments.of("3. three\n4. four", "3. three\n4. four"),
        Arguments.of("- one\n  - nested\n- two", "• one\n   ◦ nested\n• two"),
        Arguments.of("> quoted\n> twice", "> quoted\n> twice"),
        Arguments.of("> quote\n>\n> para", "> quote\n> \n> para"),
        Arguments.of("a\n\n---\n\nb", "a\n\n──────────\n\nb"),
        Arguments.of("line one\nline two", "line one\nline two"),
        Arguments.of("Tom & Jerry <3 > 2", "Tom &amp; Jerry &lt;3 &gt; 2"),
        Arguments.of("ping <!channel> now", "ping &lt;!channel&gt; now"),
        Arguments.of(
            "<!here|here> and <!subteam^S1|@devs>",
            "&lt;!here|here&gt; and &lt;!subteam^S1|@devs&gt;"),
        Arguments.of("hey <@U123>", "hey &lt;@U123&gt;"),
        Arguments.of(
            "hey @channel and @Here, @everyone!",
            "hey @" + WJ + "channel and @" + WJ + "Here, @" + WJ + "everyone!"),
        Arguments.of("mail ada@here.com", "mail ada@here.com"),
        Arguments.of("`@channel` stays in code", "`@channel` stays in code"),
        Arguments.of("<div>html</div>", "&lt;div&gt;html&lt;/div&gt;"),
        Arguments.of(
            "| Name | Legs |\n|---|---:|\n| llama | 4 |\n| bird | 2 |",
            "```\nName  | Legs\n------+-----\nllama | 4\nbird  | 2\n```"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void markdownToMrkdwn(String markdown, String mrkdwn) {
    assertEquals(mrkdwn, SlackMrkdwnRenderer.render(markdown));
  }
}
