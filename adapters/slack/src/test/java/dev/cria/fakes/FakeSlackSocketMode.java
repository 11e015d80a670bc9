package dev.cria.fakes;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cria.testing.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Socket Mode endpoint: a real WebSocket server that greets each connection with {@code
 * hello}, pushes envelopes the way Slack does ({@code retry_attempt: 0} on a first delivery) and
 * records what the app sends back, so tests can assert the ack {@code {"envelope_id": ...}}.
 */
public final class FakeSlackSocketMode implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Server server;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private volatile WebSocket newest;

  private FakeSlackSocketMode() throws InterruptedException {
    server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.setReuseAddr(true);
    server.start();
    if (!server.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake Socket Mode server did not start");
    }
  }

  public static FakeSlackSocketMode start() {
    try {
      return new FakeSlackSocketMode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URL for {@link FakeSlackApi#socketModeUrl}. */
  public String url() {
    return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=fake";
  }

  /** Waits until an app is connected. */
  public void awaitConnection() {
    await(() -> !server.getConnections().isEmpty(), "a Socket Mode connection");
  }

  /**
   * Waits until {@code count} connections have been opened since the start, reconnects included.
   */
  public void awaitConnectionsOpened(int count) {
    awaitConnectionsOpened(count, WAIT);
  }

  /** The same, waiting up to {@code within} (a dropped socket is found by a ping every 5 s). */
  public void awaitConnectionsOpened(int count, Duration within) {
    await(
        () -> opened.get() >= count && newest != null && newest.isOpen(),
        count + " Socket Mode connections (" + opened.get() + " so far)",
        within);
  }

  /** How many connections apps have opened, reconnects included. */
  public int connectionsOpened() {
    return opened.get();
  }

  /**
   * Asks the app to reconnect, as Slack does before it rotates a connection: {@code {"type":
   * "disconnect", "reason": "refresh_requested"}}.
   */
  public void requestReconnect() {
    server.broadcast(
        "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
            + "\"debug_info\":{\"host\":\"fake\"}}");
  }

  /** Drops every connection without a word, as a network failure or a Slack restart does. */
  public void dropConnections() {
    server.getConnections().forEach(c -> c.closeConnection(1006, "dropped"));
  }

  /** Pushes an Events API envelope (first delivery: {@code retry_attempt} 0). */
  public void pushEvent(String envelopeId, String eventCallbackJson) {
    push(envelopeId, "events_api", eventCallbackJson, 0);
  }

  /**
   * Delivers an envelope again, as Slack does when it saw no ack in time: the same envelope and
   * event, {@code retry_attempt} counted up.
   */
  public void redeliverEvent(String envelopeId, String eventCallbackJson, int retryAttempt) {
    push(envelopeId, "events_api", eventCallbackJson, retryAttempt);
  }

  /** Pushes a slash command envelope; the payload is the command's fields as JSON. */
  public void pushCommand(String envelopeId, String commandJson) {
    push(envelopeId, "slash_commands", commandJson, 0);
  }

  private void push(String envelopeId, String type, String payloadJson, int retryAttempt) {
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", envelopeId);
    envelope.addProperty("type", type);
    envelope.addProperty("accepts_response_payload", false);
    envelope.addProperty("retry_attempt", retryAttempt);
    envelope.addProperty("retry_reason", retryAttempt == 0 ? "" : "timeout");
    envelope.add("payload", JsonParser.parseString(payloadJson));
    // Slack delivers each envelope on one connection; after a disconnect warning, on the new one.
    WebSocket connection = newest;
    if (connection == null || !connection.isOpen()) {
      throw new AssertionError("fake Socket Mode: no open connection to deliver " + envelopeId);
    }
    connection.send(envelope.toString());
  }

  /** Waits for the app's ack of an envelope and returns it. */
  public JsonObject awaitAck(String envelopeId) {
    await(() -> ack(envelopeId) != null, "the ack of " + envelopeId);
    return ack(envelopeId);
  }

  /** Everything the app sent, in order. */
  public List<JsonObject> received() {
    return List.copyOf(received);
  }

  private JsonObject ack(String envelopeId) {
    for (JsonObject message : received) {
      if (message.has("envelope_id")
          && envelopeId.equals(message.get("envelope_id").getAsString())) {
        return message;
      }
    }
    return null;
  }

  private static void await(BooleanSupplier condition, String what) {
    await(condition, what, WAIT);
  }

  private static void await(BooleanSupplier condition, String what, Duration within) {
    Await.until(within, "fake Socket Mode: " + what, condition);
  }

  @Override
  public void close() {
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Server extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);

    Server(InetSocketAddress address) {
      super(address);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
      opened.incrementAndGet();
      newest = connection;
      connection.send(
          "{\"type\":\"hello\",\"num_connections\":1,"
              + "\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":3600},"
              + "\"connection_info\":{\"app_id\":\"A0CRIA\"}}");
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
      received.add(JsonParser.parseString(message).getAsJsonObject());
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket connection, Exception error) {}
  }
}
