package dev.cria.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Slack once the application is up: checks the bot token ({@code auth.test}) and, with
 * an app token, opens Socket Mode. Failures are logged and retried in the background, so a Slack
 * outage at boot does not stop Cria; the connection is closed on shutdown.
 */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackConnection implements ApplicationEventListener<StartupEvent> {

  static final Duration RETRY_DELAY = Duration.ofSeconds(30);
  private static final int SOCKET_MODE_CONCURRENCY = 4;
  private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);

  private final App app;
  private final SlackSettings settings;
  private final ScheduledExecutorService connector =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("slack-connect").factory());
  private volatile SocketModeApp socketMode;
  private volatile boolean connected;

  public SlackConnection(App app, SlackSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    connector.execute(this::connect);
  }

  /** Whether the token was accepted and, in Socket Mode, the WebSocket is open. */
  public boolean connected() {
    return connected;
  }

  private void connect() {
    try {
      app.start();
      if (settings.socketMode()) {
        SocketModeApp socket =
            new SocketModeApp(
                settings.appToken(),
                app,
                SocketModeClient.Backend.JavaWebSocket,
                SlackConnection::noAck,
                SOCKET_MODE_CONCURRENCY);
        socket.startAsync();
        socket.getClient().setAutoReconnectOnCloseEnabled(true);
        socketMode = socket;
      }
      connected = true;
      LOG.info("Slack connected ({})", settings.socketMode() ? "Socket Mode" : "HTTP Events API");
    } catch (Exception e) {
      LOG.warn(
          "Slack connection failed, retrying in {}s: {}", RETRY_DELAY.toSeconds(), e.toString());
      if (!connector.isShutdown()) {
        connector.schedule(this::connect, RETRY_DELAY.toSeconds(), TimeUnit.SECONDS);
      }
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
    SocketModeApp socket = socketMode;
    if (socket != null) {
      socket.close();
    }
    app.stop();
  }
}
