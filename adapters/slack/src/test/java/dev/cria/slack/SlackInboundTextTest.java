package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackInboundTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      value = {
        "<@U0CRIA> hi ¦ hi",
        "hi <@U0CRIA|cria>, how are you ¦ hi , how are you",
        "ask <@U0BOB> ¦ ask @U0BOB",
        "ask <@U0BOB|bob> ¦ ask @bob",
        "see <#C0GENERAL|general> ¦ see #general",
        "<!here> and <!channel> ¦ @here and @channel",
        "<!subteam^S0DEV|@devs> please ¦ @devs please",
        "<!subteam^S0DEV> please ¦ @S0DEV please",
        "<https://example.com> ¦ https://example.com",
        "<https://example.com|docs> ¦ docs (https://example.com)",
        "<mailto:ada@example.com|ada@example.com> ¦ ada@example.com",
        "a &lt;b&gt; &amp;amp; ¦ a <b> &amp;",
        "if (a &lt; b &amp;&amp; c &gt; d) ¦ if (a < b && c > d)"
      })
  void readsSlackMarkupAsPlainText(String slack, String plain) {
    assertEquals(plain, SlackInboundText.plain(slack, "U0CRIA"));
  }

  @ParameterizedTest
  @CsvSource({"<@U0CRIA> hi, true", "<@U0CRIA|cria> hi, true", "<@U0CRIAX> hi, false"})
  void findsCriasMention(String text, boolean mentioned) {
    if (mentioned) {
      assertTrue(SlackInboundText.mentions(text, "U0CRIA"));
    } else {
      assertFalse(SlackInboundText.mentions(text, "U0CRIA"));
    }
  }
}
