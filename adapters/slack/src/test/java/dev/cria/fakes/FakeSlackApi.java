package dev.cria.fakes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cria.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A local stand-in for the Slack Web API: a real HTTP server on 127.0.0.1 serving {@code
 * /api/<method>} ({@code auth.test}, {@code chat.postMessage}, {@code chat.update}, {@code
 * chat.delete}, {@code chat.startStream}/{@code appendStream}/{@code stopStream}, {@code
 * conversations.replies}, {@code assistant.threads.setStatus}, {@code reactions.add}, {@code
 * users.info}, {@code apps.connections.open}) and slash-command response URLs under {@code
 * /response/}. It records every call, keeps the messages posted, and returns failures on request:
 * HTTP 429 with {@code Retry-After}, 5xx, or Slack errors such as {@code not_allowed}.
 */
public final class FakeSlackApi implements AutoCloseable {

  public static final String TEAM_ID = FakeSlackMethods.TEAM_ID;
  public static final String BOT_USER_ID = FakeSlackMethods.BOT_USER_ID;

  /** A bot token long enough for the SDK's debug logging, which prints its first 16 chars. */
  public static final String BOT_TOKEN = "xoxb-0000000000-fake-bot-token";

  public static final String APP_TOKEN = "xapp-1-A0CRIA-0000-fake-app-token";
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final FakeSlackMethods methods = new FakeSlackMethods();
  // Appends stay cheap when a benchmark makes tens of thousands of calls.
  private final Queue<FakeSlackCall> calls = new ConcurrentLinkedQueue<>();
  private final List<Consumer<FakeSlackCall>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<FakeSlackFailure>> failNext = new ConcurrentHashMap<>();
  private final Map<String, FakeSlackFailure> failAlways = new ConcurrentHashMap<>();
  private final List<FakeSlackHold> holds = new CopyOnWriteArrayList<>();
  private final FakeSlackFiles files = new FakeSlackFiles();

  private FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(executor);
    server.createContext("/api/", this::api);
    server.createContext("/response/", this::responseUrl);
    server.createContext("/commands/", this::responseUrl);
    server.createContext("/files-pri/", files::serve);
    server.start();
  }

  public static FakeSlackApi start() {
    try {
      return new FakeSlackApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Web API prefix for {@code SLACK_API_URL}, ending with a slash. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /**
   * A response URL for a slash command payload, shaped like Slack's ({@code
   * https://hooks.slack.com/commands/TEAM/NUMBER/SECRET}) with {@code id} as the secret part.
   */
  public String responseUrl(String id) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/commands/"
        + TEAM_ID
        + "/7012345678901/"
        + id;
  }

  /**
   * Hosts a file as Slack does and returns its {@code url_private}, which serves it only with the
   * bot token.
   */
  public String file(String id, String name, String mimeType, byte[] bytes) {
    String path = "/files-pri/" + TEAM_ID + "-" + id + "/" + name;
    files.put(path, mimeType, bytes);
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The file paths handed over (with the bot token), in order. */
  public List<String> filesServed() {
    return List.copyOf(files.served());
  }

  /** The file paths asked for without the bot token (redirected to sign in). */
  public List<String> filesRefused() {
    return List.copyOf(files.refused());
  }

  /** The Socket Mode endpoint {@code apps.connections.open} hands out. */
  public void socketModeUrl(String url) {
    methods.socketModeUrl(url);
  }

  /** The display name {@code users.info} reports for a user (default: none, real name only). */
  public void displayName(String userId, String name) {
    methods.displayName(userId, name);
  }

  /** {@code users.info} reports this user as a workspace admin. */
  public void admin(String userId) {
    methods.admin(userId);
  }

  /** The next call to {@code method} fails this way (queued: call again for several). */
  public void failNext(String method, FakeSlackFailure failure) {
    failNext.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
  }

  /** Every call to {@code method} fails this way, e.g. {@code chat.startStream} not allowed. */
  public void failAlways(String method, FakeSlackFailure failure) {
    failAlways.put(method, failure);
  }

  /**
   * Holds the next call of {@code method} in the thread {@code threadTs} (calls naming a message by
   * ts count for that message's thread) until {@link FakeSlackHold#release()}.
   */
  public FakeSlackHold hold(String method, String threadTs, FakeSlackHold.When when) {
    FakeSlackHold hold = new FakeSlackHold(method, threadTs, when);
    holds.add(hold);
    return hold;
  }

  /** Calls to {@code method} succeed again. */
  public void stopFailing(String method) {
    failAlways.remove(method);
  }

  public List<FakeSlackCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * Hands every Web API call to {@code listener} right after it was answered, on the thread that
   * served it (the load driver in {@code bench/} times answers this way).
   */
  public void onCall(Consumer<FakeSlackCall> listener) {
    listeners.add(listener);
  }

  public List<FakeSlackCall> calls(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  /** Messages Cria posted (or streamed) in a channel, in order. */
  public List<FakeSlackMessage> messages(String channel) {
    return methods.messages().stream().filter(m -> m.channel().equals(channel)).toList();
  }

  /** Messages in one thread, in order. */
  public List<FakeSlackMessage> thread(String channel, String threadTs) {
    return messages(channel).stream().filter(m -> threadTs.equals(m.threadTs())).toList();
  }

  /** Replies sent to slash-command response URLs. */
  public List<FakeSlackMessage> commandResponses() {
    return messages("response_url");
  }

  /** Waits until a message in the channel matches, and returns it. */
  public FakeSlackMessage awaitMessage(String channel, Predicate<FakeSlackMessage> test) {
    await(() -> messages(channel).stream().anyMatch(test), "a message in " + channel);
    return messages(channel).stream().filter(test).findFirst().orElseThrow();
  }

  /** Waits until {@code method} was called at least {@code count} times. */
  public List<FakeSlackCall> awaitCalls(String method, int count) {
    await(() -> calls(method).size() >= count, count + " calls of " + method);
    return calls(method);
  }

  public void await(BooleanSupplier condition, String what) {
    Await.until(DEFAULT_WAIT, "fake Slack: " + what, condition, () -> "calls " + calls);
  }

  private void api(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> form = form(body(exchange));
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String token =
        auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : form.get("token");
    FakeSlackCall call = new FakeSlackCall(method, form, token);
    calls.add(call);
    FakeSlackFailure failure = failure(method);
    if (failure != null) {
      if (failure.retryAfterSeconds() > 0) {
        exchange
            .getResponseHeaders()
            .add("Retry-After", String.valueOf(failure.retryAfterSeconds()));
      }
      send(exchange, failure.status(), FakeSlackMethods.error(failure.error()));
      return;
    }
    if (token == null || !(token.startsWith("xoxb-") || token.startsWith("xapp-"))) {
      send(exchange, 200, FakeSlackMethods.error("not_authed"));
      return;
    }
    FakeSlackHold hold = holdFor(method, form);
    if (hold != null && hold.when() == FakeSlackHold.When.BEFORE) {
      hold.block();
      // Held before Slack saw it: it never takes effect (its caller is gone by now).
      send(exchange, 503, FakeSlackMethods.error("held"));
      return;
    }
    JsonObject answer = methods.answer(method, form);
    if (hold != null && hold.when() == FakeSlackHold.When.AFTER) {
      hold.block();
    }
    send(exchange, 200, answer != null ? answer : FakeSlackMethods.error("unknown_method"));
    listeners.forEach(listener -> listener.accept(call));
  }

  private void responseUrl(HttpExchange exchange) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    JsonElement json = JsonParser.parseString(body(exchange));
    json.getAsJsonObject()
        .entrySet()
        .forEach(
            e ->
                fields.put(
                    e.getKey(),
                    e.getValue().isJsonPrimitive()
                        ? e.getValue().getAsString()
                        : e.getValue().toString()));
    calls.add(new FakeSlackCall("response_url", fields, null));
    FakeSlackFailure failure = failure("response_url");
    if (failure != null) {
      send(exchange, failure.status(), FakeSlackMethods.error(failure.error()));
      return;
    }
    methods.responseUrl(fields);
    send(exchange, 200, null);
  }

  private FakeSlackHold holdFor(String method, Map<String, String> form) {
    if (holds.isEmpty()) {
      return null;
    }
    String thread = form.get("thread_ts");
    if (thread == null) {
      FakeSlackMessage message = methods.find(form);
      thread = message == null ? null : message.threadTs();
    }
    for (FakeSlackHold hold : holds) {
      if (thread != null && hold.takes(method, thread)) {
        return hold;
      }
    }
    return null;
  }

  private FakeSlackFailure failure(String method) {
    Queue<FakeSlackFailure> queued = failNext.get(method);
    FakeSlackFailure next = queued == null ? null : queued.poll();
    return next != null ? next : failAlways.get(method);
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange exchange, int status, JsonObject json) throws IOException {
    byte[] bytes = (json == null ? "ok" : json.toString()).getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", json == null ? "text/plain" : "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    holds.forEach(FakeSlackHold::release);
    server.stop(0);
    executor.shutdownNow();
  }
}
