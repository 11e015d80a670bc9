package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackUserNamesTest {

  private FakeSlackApi slack;
  private SlackUserNames names;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    var settings =
        new SlackSettings(FakeSlackApi.BOT_TOKEN, "secret", null, slack.apiUrl(), true, null);
    names =
        new SlackUserNames(
            new SlackWebApi(new SlackFactory().slack(settings), FakeSlackApi.BOT_TOKEN, 0));
  }

  @AfterEach
  void stop() {
    names.close();
    slack.close();
  }

  @Test
  void displayNameIsLookedUpOnceThenCached() {
    slack.displayName("U0ADA", "Ada");

    assertEquals("Ada", names.nameOf("U0ADA"));
    assertEquals("Ada", names.nameOf("U0ADA"));
    assertEquals(1, slack.calls("users.info").size());
  }

  @Test
  void withoutDisplayNameTheRealNameIsUsed() {
    assertEquals("User U0BOB", names.nameOf("U0BOB"));
  }

  @Test
  void aFailedLookupFallsBackToTheUserIdAndIsNotRepeatedAtOnce() {
    slack.failAlways("users.info", FakeSlackFailure.error("missing_scope"));

    assertEquals("U0EVE", names.nameOf("U0EVE"));
    assertEquals("U0EVE", names.nameOf("U0EVE"));
    assertEquals(1, slack.calls("users.info").size());
  }
}
