package dev.cria.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The fake Discord REST API (JDK HttpServer): the routes JDA uses for Cria, backed by an in-memory
 * store of messages, threads and registered commands. Every call is recorded; unknown routes get
 * Discord's 404.
 */
final class FakeDiscordRest {

  /** A route: method, path pattern (after {@code /api/v10/}), handler. */
  private record Route(String method, Pattern path, Handler handler) {}

  @FunctionalInterface
  interface Handler {
    Response handle(Matcher path, FakeDiscordCall call);
  }

  /** What a route answers: a status and a JSON body (null for 204). */
  record Response(int status, Object body) {
    static Response json(Object body) {
      return new Response(200, body);
    }

    static Response noContent() {
      return new Response(204, null);
    }

    static Response notFound(int code, String message) {
      return new Response(404, DataObject.empty().put("code", code).put("message", message));
    }
  }

  private static final String PREFIX = "/api/v10/";

  private final HttpServer server;
  private final List<Route> routes = new ArrayList<>();
  private final FakeDiscordStore store;
  private final Consumer<FakeDiscordCall> recorder;
  private final AtomicLong seq = new AtomicLong();
  private volatile boolean tokenRejected;
  private final List<FakeDiscordHold> holds = new CopyOnWriteArrayList<>();

  FakeDiscordRest(FakeDiscordStore store, Consumer<FakeDiscordCall> recorder) throws IOException {
    this.store = store;
    this.recorder = recorder;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::serve);
    addRoutes();
  }

  void start() {
    server.start();
  }

  void stop() {
    holds.forEach(FakeDiscordHold::release);
    server.stop(0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  private void addRoutes() {
    route(
        "GET",
        "users/@me",
        (m, c) ->
            tokenRejected
                ? unauthorized()
                : Response.json(FakeDiscordPayloads.fixture("ready").getObject("user")));
    route("GET", "gateway/bot", (m, c) -> Response.json(store.gatewayBot()));
    route("GET", "applications/\\d+/commands", (m, c) -> Response.json(store.commands("global")));
    route(
        "PUT",
        "applications/\\d+/commands",
        (m, c) -> Response.json(store.replaceCommands("global", c.jsonArray())));
    route(
        "GET",
        "applications/\\d+/guilds/(\\d+)/commands",
        (m, c) -> Response.json(store.commands(m.group(1))));
    route(
        "PUT",
        "applications/\\d+/guilds/(\\d+)/commands",
        (m, c) -> Response.json(store.replaceCommands(m.group(1), c.jsonArray())));
    route("POST", "interactions/(\\d+)/([^/]+)/callback", (m, c) -> Response.noContent());
    route(
        "PATCH",
        "webhooks/\\d+/([^/]+)/messages/@original",
        (m, c) -> Response.json(store.editOriginal(m.group(1), c.json())));
    route(
        "POST",
        "webhooks/\\d+/([^/]+)",
        (m, c) -> Response.json(store.followUp(m.group(1), c.json())));
    route(
        "PATCH",
        "webhooks/\\d+/([^/]+)/messages/(\\d+)",
        (m, c) -> orNotFound(store.edit(m.group(2), c.json())));
    route(
        "DELETE",
        "webhooks/\\d+/([^/]+)/messages/(\\d+)",
        (m, c) -> deleted(store.delete(m.group(2))));
    route(
        "POST",
        "channels/(\\d+)/messages",
        (m, c) -> Response.json(store.post(m.group(1), c.json())));
    route(
        "PATCH",
        "channels/(\\d+)/messages/(\\d+)",
        (m, c) -> orNotFound(store.edit(m.group(2), c.json())));
    route("DELETE", "channels/(\\d+)/messages/(\\d+)", (m, c) -> deleted(store.delete(m.group(2))));
    route(
        "POST",
        "channels/(\\d+)/messages/(\\d+)/threads",
        (m, c) -> Response.json(store.openThread(m.group(1), m.group(2), c.json())));
    route("POST", "channels/(\\d+)/typing", (m, c) -> Response.noContent());
    route(
        "PATCH", "channels/(\\d+)", (m, c) -> orNotFound(store.renameThread(m.group(1), c.json())));
    route(
        "GET",
        "guilds/\\d+/members/(\\d+)",
        (m, c) -> Response.json(FakeDiscordPayloads.member(m.group(1))));
    route(
        "POST",
        "users/@me/channels",
        (m, c) -> Response.json(store.directChannel(c.json().getString("recipient_id"))));
  }

  private void route(String method, String path, Handler handler) {
    routes.add(new Route(method, Pattern.compile(path), handler));
  }

  FakeDiscordHold hold(Predicate<FakeDiscordCall> matching, FakeDiscordHold.When when) {
    FakeDiscordHold hold = new FakeDiscordHold(matching, when);
    holds.add(hold);
    return hold;
  }

  /** Answer 401 to the token check, as Discord does for a wrong or reset token. */
  void rejectToken(boolean reject) {
    this.tokenRejected = reject;
  }

  private static Response unauthorized() {
    return new Response(401, DataObject.empty().put("code", 0).put("message", "401: Unauthorized"));
  }

  /** Components V2 checks on a message created or edited, as Discord makes them. */
  private String componentsRefusal(FakeDiscordCall call) {
    boolean writes = call.method().equals("POST") || call.method().equals("PATCH");
    boolean message =
        call.route().matches("channels/\\d+/messages(/\\d+)?")
            || call.route().matches("webhooks/\\d+/[^/]+(/messages/[^/]+)?");
    if (!writes || !message || call.body() == null || !call.body().startsWith("{")) {
      return null;
    }
    String[] parts = call.route().split("/");
    String edited = null;
    if (call.method().equals("PATCH")) {
      String last = parts[parts.length - 1];
      edited = last.equals("@original") ? store.originalId(parts[parts.length - 3]) : last;
    }
    return FakeDiscordComponentsV2.refusal(call.json(), store.isComponentsV2(edited));
  }

  private static Response orNotFound(DataObject message) {
    return message == null ? Response.notFound(10008, "Unknown Message") : Response.json(message);
  }

  private static Response deleted(boolean found) {
    return found ? Response.noContent() : Response.notFound(10008, "Unknown Message");
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      FakeDiscordCall call =
          new FakeDiscordCall(
              seq.incrementAndGet(),
              exchange.getRequestMethod(),
              route,
              exchange.getRequestURI().getQuery(),
              body);
      recorder.accept(call);
      FakeDiscordHold hold = holds.stream().filter(h -> h.takes(call)).findFirst().orElse(null);
      Response response;
      try {
        if (hold != null && hold.when() == FakeDiscordHold.When.BEFORE) {
          // Held before Discord saw it: it never takes effect (its caller is gone by now).
          hold.block();
          response = new Response(503, DataObject.empty().put("code", 0).put("message", "held"));
        } else {
          response = dispatch(call);
          if (hold != null) {
            hold.block();
          }
        }
      } catch (RuntimeException e) {
        // A bug in the fake: answer 500 so that the test fails loudly instead of hanging.
        response =
            new Response(500, DataObject.empty().put("code", 0).put("message", e.toString()));
      }
      byte[] bytes =
          response.body() == null
              ? new byte[0]
              : response.body().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), response.status() == 204 ? -1 : bytes.length);
      if (response.status() != 204) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private Response dispatch(FakeDiscordCall call) {
    String refusal = componentsRefusal(call);
    if (refusal != null) {
      return new Response(
          400,
          DataObject.empty().put("code", 50035).put("message", "Invalid Form Body: " + refusal));
    }
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(call.route());
      if (route.method().equals(call.method()) && matcher.matches()) {
        return route.handler().handle(matcher, call);
      }
    }
    return Response.notFound(0, "404: Not Found");
  }
}
