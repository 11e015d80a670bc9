package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.fakes.FakeSlackMessage;
import dev.cria.fakes.FakeSlackSocketMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack end to end over Socket Mode: no public URL, an envelope in, an ack and an answer out. */
class SlackSocketModeEndToEndTest {

  private FakeSlackSocketMode socket;
  private SlackApplication app;

  @BeforeEach
  void start() {
    socket = FakeSlackSocketMode.start();
    app = SlackApplication.socketMode(socket.url());
    socket.awaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    socket.close();
  }

  @Test
  void anEnvelopeIsAckedAndAnswered() {
    String body = mention("Ev0SOCKET1", "C0SOCKET", "1700002000.000001", null, "U0ADA", "Hi there");

    socket.pushEvent("envelope-1", body);

    assertEquals("{\"envelope_id\":\"envelope-1\"}", socket.awaitAck("envelope-1").toString());
    FakeSlackMessage answer =
        app.slack.awaitMessage(
            "C0SOCKET", m -> !m.streaming() && m.text().equals("Echo: Ada: Hi there"));
    assertEquals("1700002000.000001", answer.threadTs());
  }
}
