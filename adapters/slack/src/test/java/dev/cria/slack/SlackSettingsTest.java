package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ReplyPort;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void botTokenWithoutSigningSecretOrAppTokenStopsStartupNamingBoth() {
    var properties =
        Map.<String, Object>of("cria.slack.bot-token", "xoxb-0000000000-fake-bot-token");
    var failure =
        assertThrows(
            RuntimeException.class,
            () -> {
              try (var context =
                  ApplicationContext.builder()
                      .properties(properties)
                      .singletons(new RecordingConversationService())
                      .start()) {
                context.getBean(SlackSettings.class);
              }
            });
    String message = rootCause(failure).getMessage();
    assertTrue(
        message.contains("SLACK_APP_TOKEN") && message.contains("SLACK_SIGNING_SECRET"), message);
  }

  @Test
  void withoutBotTokenTheAdapterIsOff() {
    try (var context =
        ApplicationContext.builder().singletons(new RecordingConversationService()).start()) {
      assertFalse(context.containsBean(ReplyPort.class));
      assertFalse(context.containsBean(SlackEventsController.class));
    }
  }

  @Test
  void defaultsAndNoSecretsInToString() {
    var settings =
        new SlackSettings(
            "xoxb-secret-token-1234", "signing-secret", null, "http://x/api", true, null);

    assertEquals("http://x/api/", settings.apiUrl());
    assertFalse(settings.socketMode());
    assertFalse(settings.toString().contains("secret"), settings.toString());
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
