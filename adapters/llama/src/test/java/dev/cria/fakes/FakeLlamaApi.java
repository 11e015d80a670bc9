package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local stand-in for a model server: a real HTTP server on 127.0.0.1 shaped like one of the
 * {@link FakeLlamaServer}s. {@link #ollama()} is Ollama's OpenAI-compatible {@code /v1} (no key, no
 * {@code /moderations}, Llama Guard as a chat model, its 404s); {@link #start()} is the retired
 * Llama API, native under {@code /v1} and OpenAI-compatible under {@code /compat/v1}, with a key
 * and {@code POST /moderations}. Every end-to-end test talks to one, and {@link #main} runs it as a
 * process for benchmarks and fault drills.
 *
 * <p>A chat with a model whose name contains {@code guard} is answered like Llama Guard: {@code
 * safe}, or {@code unsafe} and codes (see {@link FakeLlamaApiScript#guardVerdict}). {@code
 * [[fixture:NAME]]} in the last user message serves the server's recorded fixture {@code NAME}
 * verbatim ({@code broken/...} for the malformed ones), with the content type its extension says.
 *
 * <p>The answer is derived from the request: {@code Echo: <last user message>}, streamed two words
 * a chunk, with token counts of about four characters a token. Markers in the last user message
 * change that (see {@link FakeLlamaApiScript}): {@code [[flag]]} makes moderation flag the input
 * ({@code privacy}); {@code [[flag-output]]} puts {@value FakeLlamaApiScript#FLAGGED_ANSWER} in the
 * answer, and moderation flags an assistant turn containing it ({@code violent_crimes}); {@code
 * [[long:N]]}, {@code [[status:CODE]]}, {@code [[status-once:CODE]]}, {@code [[midstream-error]]},
 * {@code [[abrupt]]}, {@code [[slow:MS]]} (a pause before every chunk), {@code [[huge-line:N]]} (a
 * second chunk of N characters on one line) and {@code [[content-string]]} (non-streaming content
 * as a plain string). A {@code max_completion_tokens} (or {@code max_tokens}) limit cuts the answer
 * at four characters a token with stop reason {@code length}. A {@code response_format} {@code
 * json_schema} is answered with a document of the schema (see {@link FakeLlamaApiStructured}). A
 * request that offers {@code tools} is answered with tool calls (streamed in fragments, or whole)
 * in the dialect's shape when {@code [[tool:NAME]]} and its kin ask for one (see {@link
 * FakeLlamaApiTools}), and a {@code tool} result last in the conversation is answered {@code Tool
 * said: <result>}.
 */
public final class FakeLlamaApi implements AutoCloseable {

  public static final String CHAT = "chat";
  public static final String MODERATION = "moderation";
  public static final String MODELS = "models";
  public static final String GUARD = "guard";

  /** What the fake answers to {@code [[tool-always:NAME]]} once it is offered no tools. */
  public static final String NO_MORE_TOOLS = FakeLlamaApiTools.NO_MORE_TOOLS;

  /**
   * How fast answers come: the wait before the first token, then tokens per second (0: no wait).
   */
  public record Pacing(long firstTokenMillis, double tokensPerSecond) {
    public static final Pacing NONE = new Pacing(0, 0);

    long millisFor(int tokens) {
      return tokensPerSecond <= 0 ? 0 : Math.round(tokens * 1000 / tokensPerSecond);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final FakeLlamaApiLog log = new FakeLlamaApiLog();
  private final FakeLlamaApiFailures failures = new FakeLlamaApiFailures();
  private final FakeLlamaApiChat chat;
  private final FakeLlamaApiStructured structured = new FakeLlamaApiStructured();
  private final FakeLlamaServer shape;
  private final FakeLlamaApiCatalog catalog;
  private final java.util.concurrent.atomic.AtomicInteger chatsOpen =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger mostChatsAtOnce =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean moderationUnavailable;
  private volatile String requiredApiKey;
  private final java.util.Set<String> visionModels =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private FakeLlamaApi(int port, Pacing pacing, FakeLlamaServer shape) throws IOException {
    this.shape = shape;
    this.catalog = FakeLlamaApiCatalog.fromFixture(shape.modelsFixture());
    chat = new FakeLlamaApiChat(pacing);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake of the retired Llama API on a free port that answers without delay. */
  public static FakeLlamaApi start() {
    return start(0, Pacing.NONE);
  }

  /** Starts a fake shaped like Ollama's {@code /v1}, serving {@code llama3.2} and its guard. */
  public static FakeLlamaApi ollama() {
    return start(FakeLlamaServer.OLLAMA);
  }

  public static FakeLlamaApi start(FakeLlamaServer shape) {
    return start(0, Pacing.NONE, shape);
  }

  public static FakeLlamaApi start(int port, Pacing pacing) {
    return start(port, pacing, FakeLlamaServer.LLAMA_API);
  }

  public static FakeLlamaApi start(int port, Pacing pacing, FakeLlamaServer shape) {
    try {
      return new FakeLlamaApi(port, pacing, shape);
    } catch (IOException e) {
      throw new UncheckedIOException("FakeLlamaApi could not listen on port " + port, e);
    }
  }

  /** Runs the fake until killed: {@code --port 8089 --latency-ms 300 --tokens-per-second 80}. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    FakeLlamaApi api =
        start(
            Integer.parseInt(options.getOrDefault("--port", "0")),
            new Pacing(
                Long.parseLong(options.getOrDefault("--latency-ms", "0")),
                Double.parseDouble(options.getOrDefault("--tokens-per-second", "0"))));
    Runtime.getRuntime().addShutdownHook(new Thread(api::close));
    System.out.println("FakeLlamaApi listening on " + api.baseUrl() + " and " + api.compatUrl());
    new CountDownLatch(1).await();
  }

  /** The most chat completions this fake was answering at the same time. */
  public int mostChatsAtOnce() {
    return mostChatsAtOnce.get();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:41234/v1}: the native dialect on the Llama API, the
   * OpenAI-compatible one on every other server.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /** The OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:41234/compat/v1}. */
  public String compatUrl() {
    return "http://127.0.0.1:" + port() + "/compat/v1";
  }

  /** The last requests received (up to {@value FakeLlamaApiLog#MAX_KEPT}), oldest first. */
  public List<FakeLlamaApiRequest> requests() {
    return log.all();
  }

  /** The kept requests to one endpoint: {@link #CHAT}, {@link #MODERATION} or {@link #MODELS}. */
  public List<FakeLlamaApiRequest> requests(String endpoint) {
    return log.all().stream().filter(request -> request.endpoint().equals(endpoint)).toList();
  }

  /** Waits (at most {@code timeout}) for a matching request; fails the test when none comes. */
  public FakeLlamaApiRequest await(Predicate<FakeLlamaApiRequest> condition, Duration timeout) {
    return log.await(condition, timeout);
  }

  /** Chat streams the client closed before their end: writing the next chunk failed. */
  public int streamsClosedByClient() {
    return chat.closedByClient();
  }

  /** How many requests an endpoint received, failed ones included. */
  public int count(String endpoint) {
    return log.count(endpoint);
  }

  /** The next {@code times} chat requests fail with {@code status} (429 with retry-after: 1). */
  public void failNext(int status, int times) {
    failures.failNext(status, times, Map.of());
  }

  /** Like {@link #failNext(int, int)}, with these response headers instead of the usual ones. */
  public void failNext(int status, int times, Map<String, String> headers) {
    failures.failNext(status, times, headers);
  }

  /** While true, moderation and Llama Guard answer 503. */
  public void setModerationUnavailable(boolean unavailable) {
    moderationUnavailable = unavailable;
  }

  /**
   * From now on, only this bearer key is accepted; others get a 401 whose detail echoes the key
   * they sent (as some real APIs do), so that tests can check the client never repeats it.
   */
  public void requireApiKey(String apiKey) {
    requiredApiKey = apiKey;
  }

  /**
   * From now on, {@code response_format} {@code json_schema} is refused with this status (400 or
   * 422) and a detail naming the parameter, as servers without structured output answer; 0 takes it
   * again. Reset by {@link #reset()}.
   */
  public void refuseStructuredOutput(int status) {
    structured.refuse(status);
  }

  /**
   * From now on, structured requests are answered with this text as the content (valid for the
   * schema or not) instead of a document made from the schema; null goes back to that. Reset by
   * {@link #reset()}.
   */
  public void answerStructuredWith(String text) {
    structured.answerWith(text);
  }

  /** The model ids the fake serves (those of its server's model list fixture). */
  public List<String> models() {
    return catalog.ids();
  }

  /** Forgets the requests, counters and scripted failures. */
  public void reset() {
    log.clear();
    failures.clear();
    structured.reset();
    moderationUnavailable = false;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Answers one exchange. An exception leaves the exchange open, so that the JDK server drops the
   * connection without finishing the body: that is how {@code [[abrupt]]} works.
   */
  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (RuntimeException e) {
      if (!(e instanceof FakeLlamaApiChat.AbruptClose)) {
        e.printStackTrace();
      }
      throw e;
    }
    exchange.close();
  }

  private void route(HttpExchange exchange) throws IOException {
    FakeLlamaApiRequest request = FakeLlamaApiRequest.read(exchange, shape);
    log.add(request);
    String key = requiredApiKey;
    String authorization = request.header("authorization");
    boolean keyWanted = shape.requiresKey() || key != null;
    if (keyWanted
        && (authorization == null || (key != null && !authorization.equals("Bearer " + key)))) {
      String given = authorization == null ? "none" : authorization.replace("Bearer ", "");
      FakeLlamaApiResponses.problem(exchange, 401, "Invalid API key: " + given, Map.of());
      return;
    }
    if (request.method().equals("POST") && !FakeLlamaApiRequest.isJson(exchange)) {
      FakeLlamaApiResponses.problem(
          exchange, 400, "Content-Type must be application/json", Map.of());
      return;
    }
    String fixture = FakeLlamaApiScript.fixtureAsked(request.lastUserMessage());
    if (fixture != null && request.endpoint().equals(CHAT)) {
      FakeLlamaApiResponses.fixture(exchange, 200, fixture, shape.fixture(fixture));
      return;
    }
    switch (request.endpoint()) {
      case CHAT -> {
        int open = chatsOpen.incrementAndGet();
        mostChatsAtOnce.accumulateAndGet(open, Math::max);
        try {
          chat(exchange, request);
        } finally {
          chatsOpen.decrementAndGet();
        }
      }
      case GUARD -> guard(exchange, request);
      case MODERATION -> {
        if (shape.moderations()) {
          moderate(exchange, request);
        } else {
          unknownPath(exchange, request);
        }
      }
      case MODELS -> models(exchange, request);
      default -> {
        if (shape == FakeLlamaServer.OLLAMA && request.path().equals("/api/show")) {
          show(exchange, request);
        } else {
          unknownPath(exchange, request);
        }
      }
    }
  }

  /** The server's own 404 for a path it does not have. */
  private void unknownPath(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    String name = shape.firstFixture("error-unknown-path.json", "error-unknown-path.txt");
    if (name == null) {
      FakeLlamaApiResponses.problem(
          exchange, 404, "Path '" + request.path() + "' was not found", Map.of());
    } else {
      FakeLlamaApiResponses.fixture(exchange, 404, name, shape.fixture(name));
    }
  }

  private void chat(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    String model = request.body().path("model").asText("");
    if (shape.checksModels() && !catalog.serves(model)) {
      String body = shape.fixture("error-model-not-found.json").replace("llama3.3", model);
      FakeLlamaApiResponses.fixture(exchange, 404, "error-model-not-found.json", body);
      return;
    }
    FakeLlamaApiScript script = FakeLlamaApiScript.of(request.lastUserMessage());
    FakeLlamaApiFailures.Failure failure = failures.next(request, script);
    if (failure != null) {
      FakeLlamaApiResponses.problem(
          exchange, failure.status(), "Scripted failure", failure.headers());
      return;
    }
    if (FakeLlamaApiStructured.asked(request)) {
      structured.answer(exchange, request);
      return;
    }
    chat.answer(exchange, request, script);
  }

  /** Llama Guard served as a chat model: its verdict as the answer's text. */
  private void guard(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    String model = request.body().path("model").asText("");
    if (moderationUnavailable) {
      FakeLlamaApiResponses.json(
          exchange, 503, FakeLlamaApiJson.openAiError(503, "Llama Guard is unavailable"));
      return;
    }
    if (shape.checksModels() && !catalog.serves(model)) {
      String body = shape.fixture("error-model-not-found.json").replace("llama3.3", model);
      FakeLlamaApiResponses.fixture(exchange, 404, "error-model-not-found.json", body);
      return;
    }
    String verdict = FakeLlamaApiScript.guardVerdict(request.body().path("messages"));
    var usage = FakeLlamaApiJson.Usage.of(request.body().path("messages").toString(), verdict);
    FakeLlamaApiResponses.json(
        exchange, 200, FakeLlamaApiJson.openAiResponse("guard", model, verdict, "stop", usage));
  }

  private void moderate(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    if (moderationUnavailable) {
      FakeLlamaApiResponses.problem(exchange, 503, "Moderation is unavailable", Map.of());
      return;
    }
    JsonNode messages = request.body().path("messages");
    List<String> categories = FakeLlamaApiScript.moderationCategories(messages);
    String model = request.body().path("model").asText("Llama-Guard");
    FakeLlamaApiResponses.json(
        exchange, 200, FakeLlamaApiJson.moderation(model, !categories.isEmpty(), categories));
  }

  /**
   * Models that Ollama's {@code POST /api/show} reports with the {@code vision} capability (the
   * Ollama shape only; other servers have no such path).
   */
  public void visionModels(String... models) {
    visionModels.addAll(List.of(models));
  }

  /** Ollama's {@code POST /api/show}: the model's capabilities. */
  private void show(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    String model = request.body().path("model").asText("");
    String capabilities =
        visionModels.contains(model) ? "[\"completion\",\"vision\"]" : "[\"completion\"]";
    FakeLlamaApiResponses.json(
        exchange, 200, "{\"model_info\":{},\"capabilities\":" + capabilities + "}");
  }

  private void models(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    if (request.path().equals("/models")) {
      FakeLlamaApiResponses.json(exchange, 200, catalog.list());
      return;
    }
    String id = request.path().substring("/models/".length());
    String model = catalog.find(id);
    if (model == null) {
      FakeLlamaApiResponses.problem(exchange, 404, "Model '" + id + "' was not found", Map.of());
    } else {
      FakeLlamaApiResponses.json(exchange, 200, model);
    }
  }
}
