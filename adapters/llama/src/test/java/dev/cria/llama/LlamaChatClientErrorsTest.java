package dev.cria.llama;

import static dev.cria.llama.TestLlama.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.core.Completion;
import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import dev.cria.fakes.FakeLlamaApiRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** Error statuses, retries as the official SDKs do them, and keeping the API key secret. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaChatClientErrorsTest {

  private FakeLlamaApi api;
  private TestLlama llama;
  private LlamaChatClient client;

  @BeforeEach
  void reset(FakeLlamaApi api) {
    this.api = api;
    api.requireApiKey(null);
    llama = TestLlama.nativeApi(api.baseUrl());
    client = llama.client();
  }

  @Test
  void aRefusedKeyIsUnauthorizedAtOnceAndTheKeyNeverAppearsInTheMessage() {
    api.requireApiKey("the-right-key");

    ModelException error = thrown(() -> client.stream(ask("hello"), text -> {}));

    assertEquals(Kind.UNAUTHORIZED, error.kind());
    assertEquals(401, error.status());
    assertEquals(1, api.count(FakeLlamaApi.CHAT), "401 is not retried");
    assertTrue(error.getMessage().contains("Invalid API key"), error.getMessage());
    assertFalse(error.getMessage().contains(TestLlama.API_KEY), error.getMessage());
    assertFalse(
        api.requests(FakeLlamaApi.CHAT).getFirst().header("authorization").isBlank(),
        "the key did go to the server");
  }

  @Test
  void withoutAKeyNoAuthorizationIsSentAndAServerThatWantsOneIsUnauthorized() {
    LlamaChatClient keyless =
        TestLlama.with(null, api.baseUrl(), "llama", Duration.ofSeconds(5)).client();

    assertEquals(Kind.UNAUTHORIZED, thrown(() -> keyless.stream(ask("x"), t -> {})).kind());
    assertNull(api.requests(FakeLlamaApi.CHAT).getFirst().header("authorization"));
  }

  @Test
  void aWrongBasePathIsNotFoundWithTheServersDetail() {
    String withoutV1 = api.baseUrl().substring(0, api.baseUrl().length() - "/v1".length());
    LlamaChatClient lost = TestLlama.nativeApi(withoutV1).client();

    ModelException error = thrown(() -> lost.stream(ask("x"), text -> {}));

    assertEquals(Kind.NOT_FOUND, error.kind());
    assertTrue(error.getMessage().contains("Path '/chat/completions' was not found"));
  }

  @Test
  void badRequestIsNotRetried() {
    ModelException error = thrown(() -> client.stream(ask("x [[status:400]]"), text -> {}));

    assertEquals(Kind.BAD_REQUEST, error.kind());
    assertEquals(1, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void rateLimitWithRetryAfterIsRetriedThenSucceeds() {
    Completion completion = client.stream(ask("busy [[status-once:429]]"), text -> {});

    assertEquals("Echo: busy [[status-once:429]]", completion.text());
    List<FakeLlamaApiRequest> attempts = api.requests(FakeLlamaApi.CHAT);
    assertEquals(2, attempts.size());
    assertEquals(attempts.get(0).body(), attempts.get(1).body());
    assertEquals(1, llama.retries(LlamaTransport.CHAT));
    assertEquals(1, llama.requests(LlamaTransport.CHAT, "ok"));
  }

  @Test
  void persistentRateLimitIsRateLimitedWithTheServersRetryAfter() {
    api.failNext(429, 10, Map.of("retry-after-ms", "20"));

    ModelException error = thrown(() -> client.stream(ask("x"), text -> {}));

    assertEquals(Kind.RATE_LIMITED, error.kind());
    assertEquals(Duration.ofMillis(20), error.retryAfter());
    assertEquals(3, api.count(FakeLlamaApi.CHAT), "one try and maxRetries=2 retries");
    assertEquals(1, llama.requests(LlamaTransport.CHAT, "rate_limited"));
  }

  @Test
  void serverErrorsAreRetriedUpToMaxRetriesThenUnavailable() {
    ModelException error = thrown(() -> client.stream(ask("x [[status:500]]"), text -> {}));

    assertEquals(Kind.UNAVAILABLE, error.kind());
    assertEquals(500, error.status());
    assertEquals(3, api.count(FakeLlamaApi.CHAT));
    assertEquals(2, llama.retries(LlamaTransport.CHAT));
  }

  @Test
  void shouldRetryHeaderOverridesTheStatus() {
    api.failNext(503, 1, Map.of("x-should-retry", "false"));
    assertEquals(Kind.UNAVAILABLE, thrown(() -> client.complete(ask("x"))).kind());
    assertEquals(1, api.count(FakeLlamaApi.CHAT));

    api.reset();
    api.failNext(400, 1, Map.of("x-should-retry", "true"));
    assertEquals("Echo: y", client.complete(ask("y")).text());
    assertEquals(2, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void conflictAndRequestTimeoutAreRetried() {
    api.failNext(409, 1);
    assertEquals("Echo: a", client.complete(ask("a")).text());
    api.failNext(408, 1);
    assertEquals("Echo: b", client.complete(ask("b")).text());

    assertEquals(4, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void anUnreachableServerIsUnavailableAfterRetries() {
    FakeLlamaApi gone = FakeLlamaApi.start();
    String url = gone.baseUrl();
    gone.close();
    TestLlama unreachable = TestLlama.nativeApi(url);

    ModelException error = thrown(() -> unreachable.client().stream(ask("x"), text -> {}));

    assertEquals(Kind.UNAVAILABLE, error.kind());
    assertEquals(0, error.status());
    assertEquals(2, unreachable.retries(LlamaTransport.CHAT));
  }

  @Test
  void theKeyIsBlottedOutOfAnythingTheServerEchoes() {
    api.requireApiKey("another-key");

    for (Executable call :
        List.<Executable>of(
            () -> client.complete(ask("x")),
            () -> client.models(),
            () -> llama.moderator().check(List.of(dev.cria.core.ChatTurn.user("x"))))) {
      ModelException error = assertThrows(ModelException.class, call);
      assertFalse(error.getMessage().contains(TestLlama.API_KEY), error.getMessage());
      assertFalse(String.valueOf(error.getCause()).contains(TestLlama.API_KEY));
    }
  }

  private static ModelException thrown(Executable call) {
    return assertThrows(ModelException.class, call);
  }
}
