package dev.cria.fakes;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake Discord gateway: sends HELLO on connect, READY and GUILD_CREATE after IDENTIFY (in
 * either order with heartbeats), acknowledges heartbeats and dispatches events to the shard that
 * owns them: a guild's events to shard {@code (guild_id >> 22) % total}, DMs to shard 0.
 */
final class FakeDiscordGateway extends WebSocketServer {

  /** Close code Discord uses when a privileged intent is not enabled for the application. */
  static final int DISALLOWED_INTENTS = 4014;

  private static final int MESSAGE_CONTENT_INTENT = 1 << 15;

  /** One connected shard. */
  record Session(WebSocket socket, int shard, int total, int intents, AtomicInteger seq) {}

  private final Map<WebSocket, Session> sessions = new ConcurrentHashMap<>();
  private final List<DataObject> identifies = new CopyOnWriteArrayList<>();
  private final Supplier<List<DataObject>> threads;
  private volatile boolean refuseMessageContent;

  FakeDiscordGateway(Supplier<List<DataObject>> threads) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.threads = threads;
    setReuseAddr(true);
  }

  String url() {
    return "ws://127.0.0.1:" + getPort();
  }

  void refuseMessageContent(boolean refuse) {
    this.refuseMessageContent = refuse;
  }

  List<DataObject> identifies() {
    return List.copyOf(identifies);
  }

  int readySessions() {
    return sessions.size();
  }

  /** Sends an event to the shard that owns the guild (null for DMs). */
  void dispatch(String type, DataObject data, String guildId) {
    long guild = guildId == null ? 0 : Long.parseUnsignedLong(guildId);
    for (Session session : sessions.values()) {
      if (guildId == null
          ? session.shard() == 0
          : (guild >> 22) % session.total() == session.shard()) {
        send(session, type, data);
        return;
      }
    }
    throw new IllegalStateException("no shard connected for " + type + " in guild " + guildId);
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    socket.send(
        DataObject.empty()
            .put("op", 10)
            .put("d", DataObject.empty().put("heartbeat_interval", 41250))
            .toString());
  }

  @Override
  public void onMessage(WebSocket socket, String text) {
    if (!socket.isOpen()) {
      return;
    }
    DataObject frame = DataObject.fromJson(text);
    switch (frame.getInt("op")) {
      case 1 -> socket.send("{\"op\":11}");
      case 2 -> identify(socket, frame.getObject("d"));
      case 6 -> socket.send("{\"op\":9,\"d\":false}");
      default -> {}
    }
  }

  private void identify(WebSocket socket, DataObject identify) {
    identifies.add(identify);
    int intents = identify.getInt("intents");
    if (refuseMessageContent && (intents & MESSAGE_CONTENT_INTENT) != 0) {
      socket.close(DISALLOWED_INTENTS, "Disallowed intent(s).");
      return;
    }
    DataArray shard = identify.optArray("shard").orElseGet(() -> DataArray.empty().add(0).add(1));
    Session session =
        new Session(socket, shard.getInt(0), shard.getInt(1), intents, new AtomicInteger());
    boolean holdsGuild =
        (Long.parseUnsignedLong(FakeDiscordPayloads.GUILD_ID) >> 22) % session.total()
            == session.shard();
    send(
        session,
        "READY",
        FakeDiscordPayloads.ready(url(), session.shard(), session.total(), holdsGuild));
    if (holdsGuild) {
      send(session, "GUILD_CREATE", FakeDiscordPayloads.guildCreate(threads.get()));
    }
    sessions.put(socket, session);
  }

  private static void send(Session session, String type, DataObject data) {
    DataObject frame = DataObject.empty().put("op", 0).put("t", type).put("d", data);
    synchronized (session) {
      frame.put("s", session.seq().incrementAndGet());
      session.socket().send(frame.toString());
    }
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    sessions.remove(socket);
  }

  @Override
  public void onError(WebSocket socket, Exception e) {
    if (socket != null) {
      sessions.remove(socket);
    }
  }

  @Override
  public void onStart() {}
}
