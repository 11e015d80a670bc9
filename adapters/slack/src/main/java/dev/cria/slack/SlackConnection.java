package dev.cria.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.cria.chat.ConnectionHealth;
import dev.cria.chat.ConnectionProblems;
import dev.cria.chat.ConnectionStatus;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Slack once the application is up: checks the bot token ({@code auth.test}) and, with
 * an app token, opens Socket Mode. A failed attempt, whatever its cause (a refused token, an
 * unreachable Slack, a class missing from the jar), is logged once per cause with what to check and
 * retried with a growing delay; {@link #status()} tells {@code /health} where the connection
 * stands, including while Socket Mode reconnects. Closed on shutdown.
 */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackConnection implements ApplicationEventListener<StartupEvent>, ConnectionHealth {

  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration MAX_RETRY = Duration.ofMinutes(1);
  private static final int SOCKET_MODE_CONCURRENCY = 4;
  private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);

  private final App app;
  private final SlackSettings settings;
  private final ConnectionProblems problems = new ConnectionProblems(LOG);
  private final ScheduledExecutorService connector =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("slack-connect").factory());
  private volatile SocketModeApp socketMode;
  private volatile ConnectionStatus status = ConnectionStatus.connecting("starting");
  private Duration nextRetry = FIRST_RETRY;

  public SlackConnection(App app, SlackSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    connector.execute(this::connect);
  }

  @Override
  public String component() {
    return "slack";
  }

  @Override
  public ConnectionStatus status() {
    return status;
  }

  /** Whether the token was accepted and, in Socket Mode, the WebSocket is open. */
  public boolean connected() {
    return status.up();
  }

  private String mode() {
    return settings.socketMode() ? "Socket Mode" : "HTTP Events API";
  }

  private void connect() {
    SlackStep step = SlackStep.CHECK_BOT_TOKEN;
    try {
      status = ConnectionStatus.connecting(step.doing());
      checkBotToken();
      app.start();
      if (settings.socketMode()) {
        step = SlackStep.OPEN_SOCKET_MODE;
        status = ConnectionStatus.connecting(step.doing());
        openSocketMode();
      } else {
        markConnected();
      }
    } catch (Throwable failure) {
      ConnectionProblems.rethrowIfFatal(failure);
      closeSocketMode();
      String advice =
          step.advice(failure, settings) + "; retrying in " + nextRetry.toSeconds() + "s";
      status = ConnectionStatus.down(advice);
      problems.failed("Slack is not connected: " + advice, failure);
      retryLater();
    }
  }

  /**
   * {@code auth.test} with the bot token, before Bolt's own: Bolt reports any failure of it as "the
   * token is invalid", an unreachable Slack included.
   */
  private void checkBotToken() throws IOException, SlackApiException {
    AuthTestResponse auth =
        app.slack().methods(app.config().getSingleTeamBotToken()).authTest(request -> request);
    if (!auth.isOk()) {
      throw new SlackCallException("auth.test", auth.getError());
    }
  }

  private void openSocketMode() throws Exception {
    SocketModeApp socket =
        new SocketModeApp(
            settings.appToken(),
            app,
            SocketModeClient.Backend.JavaWebSocket,
            SlackConnection::noAck,
            SOCKET_MODE_CONCURRENCY);
    socketMode = socket;
    socket.startAsync();
    SocketModeClient client = socket.getClient();
    // Reconnecting on every close made a disconnect warning cascade: Bolt's own close of the old
    // session, once it has opened the new one, counted as a drop and replaced the new one, several
    // times over. Bolt's default instead: its session monitor pings every 5 s and reconnects a
    // dropped socket; a disconnect warning opens the new connection at once.
    client.setAutoReconnectOnCloseEnabled(false);
    client.addWebSocketMessageListener(this::onSocketMessage);
    client.addWebSocketCloseListener(this::onSocketClosed);
    client.addWebSocketErrorListener(this::onSocketError);
    // The connection opens asynchronously: Slack's hello may have come before the listener.
    if (!status.up() && client.verifyConnection()) {
      markConnected();
    }
  }

  /** Slack greets every new (or renewed) Socket Mode connection with {@code hello}. */
  private void onSocketMessage(String message) {
    if (!status.up() && message.contains("\"type\":\"hello\"")) {
      markConnected();
    }
  }

  private synchronized void markConnected() {
    if (status.up()) {
      return;
    }
    nextRetry = FIRST_RETRY;
    status = ConnectionStatus.connected(mode());
    problems.recovered("Slack connected (" + mode() + ")");
  }

  private void onSocketClosed(Integer code, String reason) {
    if (connector.isShutdown()) {
      return;
    }
    String detail =
        "Socket Mode connection closed (code "
            + code
            + (reason == null || reason.isBlank() ? "" : ", " + reason)
            + "); reconnecting";
    status = ConnectionStatus.down(detail);
    // Routine: Slack rotates connections every few hours; a failing reconnect is logged as such.
    LOG.info("Slack {}", detail);
  }

  private void onSocketError(Throwable error) {
    problems.failed(
        "Slack Socket Mode error; check that Slack (or SLACK_API_URL) is reachable", error);
  }

  private void retryLater() {
    if (connector.isShutdown()) {
      return;
    }
    // connect() handles its own failures (it schedules the next try), so the future holds none.
    Future<?> unused =
        connector.schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
    Duration doubled = nextRetry.multipliedBy(2);
    nextRetry = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
  }

  private void closeSocketMode() {
    SocketModeApp socket = socketMode;
    socketMode = null;
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (Exception | LinkageError e) {
      LOG.debug("Closing a failed Socket Mode connection: {}", e.toString());
    }
  }

  /** A Socket Mode envelope that failed is not acked, so Slack delivers it again. */
  private static com.slack.api.bolt.response.Response noAck(SocketModeApp.ErrorContext context) {
    LOG.error("Slack Socket Mode request failed, not acked: {}", context.getException().toString());
    return null;
  }

  @PreDestroy
  void close() throws Exception {
    connector.shutdownNow();
    closeSocketMode();
    status = ConnectionStatus.down("shut down");
    app.stop();
  }
}
