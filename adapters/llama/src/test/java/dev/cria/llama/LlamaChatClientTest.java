package dev.cria.llama;

import static dev.cria.llama.TestLlama.ask;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ModelException;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import dev.cria.fakes.FakeLlamaApiRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The native Llama API: streaming and JSON answers, what goes over the wire, broken streams. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaChatClientTest {

  private FakeLlamaApi api;
  private TestLlama llama;
  private LlamaChatClient client;

  @BeforeEach
  void reset(FakeLlamaApi api) {
    this.api = api;
    llama = TestLlama.nativeApi(api.baseUrl());
    client = llama.client();
  }

  @Test
  void streamsTheAnswerInChunksThatAddUpToTheCompletionWithMetrics() {
    String question = "what do llamas eat in the high Andes?";
    List<String> fragments = new CopyOnWriteArrayList<>();

    Completion completion = client.stream(ask(question), fragments::add);

    assertEquals("Echo: " + question, completion.text());
    assertTrue(fragments.size() > 1, "several fragments, got " + fragments);
    assertEquals(completion.text(), String.join("", fragments));
    assertEquals("stop", completion.stopReason());
    assertEquals(TestLlama.MODEL, completion.model());
    assertEquals((completion.text().length() + 3) / 4, completion.completionTokens());
    assertTrue(completion.promptTokens() > question.length() / 4);
    assertEquals(1, llama.requests(LlamaTransport.CHAT, "ok"));
  }

  @Test
  void sendsTheNativeRequestWithBearerKeyAndEventStreamAccept() {
    ChatRequest request =
        new ChatRequest(
            "Llama-3.3-70B-Instruct",
            List.of(
                ChatTurn.system("sys"),
                ChatTurn.user("hi"),
                ChatTurn.assistant("hello"),
                ChatTurn.user("again")),
            0.3,
            256,
            "user-42");

    client.stream(request, text -> {});

    FakeLlamaApiRequest sent = api.requests(FakeLlamaApi.CHAT).getFirst();
    JsonNode body = sent.body();
    assertEquals("/chat/completions", sent.path());
    assertEquals("llama", sent.style());
    assertEquals("Bearer " + TestLlama.API_KEY, sent.header("authorization"));
    assertEquals("text/event-stream", sent.header("accept"));
    assertEquals("Llama-3.3-70B-Instruct", body.path("model").asText());
    assertEquals(List.of("system", "user", "assistant", "user"), roles(body));
    assertEquals("again", body.path("messages").get(3).path("content").asText());
    assertEquals(256, body.path("max_completion_tokens").asInt());
    assertEquals(0.3, body.path("temperature").asDouble());
    assertEquals("user-42", body.path("user").asText());
    assertTrue(body.path("stream").asBoolean());
    assertFalse(body.has("max_tokens"));
  }

  @Test
  void usesTheConfiguredModelWhenTheRequestNamesNone() {
    client.stream(new ChatRequest(null, List.of(ChatTurn.user("x")), null, null, null), t -> {});

    assertEquals(
        TestLlama.MODEL, api.requests(FakeLlamaApi.CHAT).getFirst().body().path("model").asText());
  }

  @Test
  void reportsTheLengthStopReasonWhenTheAnswerIsCut() {
    ChatRequest request =
        new ChatRequest(
            null, List.of(ChatTurn.user("a rather long question indeed")), null, 3, null);

    Completion completion = client.stream(request, text -> {});

    assertEquals("length", completion.stopReason());
    assertEquals("Echo: a rather long question indeed".substring(0, 12), completion.text());
  }

  @Test
  void completeReadsJsonWithContentAsObjectOrAsString() {
    Completion asObject = client.complete(ask("json please"));
    Completion asString = client.complete(ask("plain please [[content-string]]"));

    assertEquals("Echo: json please", asObject.text());
    assertEquals("stop", asObject.stopReason());
    assertEquals((asObject.text().length() + 3) / 4, asObject.completionTokens());
    assertEquals("Echo: plain please [[content-string]]", asString.text());
    assertFalse(api.requests(FakeLlamaApi.CHAT).getFirst().body().path("stream").asBoolean());
    assertEquals("application/json", api.requests(FakeLlamaApi.CHAT).getFirst().header("accept"));
  }

  @Test
  void longAnswersArriveWhole() {
    Completion completion = client.stream(ask("essay [[long:6000]]"), text -> {});

    assertEquals(6000, completion.text().length());
    assertTrue(completion.text().contains("```"));
  }

  @Test
  void midStreamErrorLineIsUnavailableWithTheServersDetailAndNotRetried() {
    List<String> fragments = new CopyOnWriteArrayList<>();

    ModelException error =
        assertThrows(
            ModelException.class,
            () -> client.stream(ask("one two three four [[midstream-error]]"), fragments::add));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertTrue(error.getMessage().contains("unexpected error"), error.getMessage());
    assertFalse(fragments.isEmpty(), "the text before the error was passed on");
    assertEquals(1, api.count(FakeLlamaApi.CHAT));
    assertEquals(1, llama.requests(LlamaTransport.CHAT, "unavailable"));
  }

  @Test
  void abruptCloseAfterSomeTextIsUnavailableAndNeverRetried() {
    ModelException error =
        assertThrows(
            ModelException.class,
            () -> client.stream(ask("a b c d e f g h [[abrupt]]"), text -> {}));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertEquals(1, api.count(FakeLlamaApi.CHAT), "no retry once stream bytes were read");
    assertEquals(0, llama.retries(LlamaTransport.CHAT));
  }

  @Test
  void aStreamedLineOverOneMebibyteIsABrokenStreamAndNotRetried() {
    List<String> fragments = new CopyOnWriteArrayList<>();

    ModelException error =
        assertThrows(
            ModelException.class,
            () -> client.stream(ask("a b c d [[huge-line:1100000]]"), fragments::add));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertTrue(error.getMessage().contains("broke off"), error.getMessage());
    assertTrue(error.getMessage().contains("longer than 1048576 bytes"), error.getMessage());
    assertTrue(fragments.stream().allMatch(f -> f.length() < 100), "no huge fragment passed on");
    assertEquals(1, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void abruptCloseOfAJsonBodyIsUnavailableAndNotRetried() {
    ModelException error =
        assertThrows(ModelException.class, () -> client.complete(ask("x [[abrupt]]")));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertEquals(1, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void aStreamThatStallsLongerThanTheReadTimeoutIsAbandoned() {
    LlamaChatClient impatient =
        TestLlama.with(TestLlama.API_KEY, api.baseUrl(), "llama", Duration.ofMillis(300)).client();

    ModelException error =
        assertThrows(
            ModelException.class, () -> impatient.stream(ask("wait [[slow:5000]]"), text -> {}));

    assertEquals(ModelException.Kind.UNAVAILABLE, error.kind());
    assertTrue(error.getMessage().contains("no data"), error.getMessage());
    assertEquals(1, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void aFailureBeforeTheStreamStartsIsRetried() {
    Completion completion = client.stream(ask("retry me [[status-once:503]]"), text -> {});

    assertEquals("Echo: retry me [[status-once:503]]", completion.text());
    List<FakeLlamaApiRequest> attempts = api.requests(FakeLlamaApi.CHAT);
    assertEquals(2, attempts.size());
    assertEquals(attempts.get(0).body(), attempts.get(1).body());
    assertEquals(1, llama.retries(LlamaTransport.CHAT));
  }

  @Test
  void manyConcurrentStreamsAllComplete() throws Exception {
    int streams = 200;
    List<Thread> threads = new java.util.ArrayList<>();
    List<String> answers = new CopyOnWriteArrayList<>();
    for (int i = 0; i < streams; i++) {
      String question = "question number " + i;
      threads.add(
          Thread.startVirtualThread(
              () -> answers.add(client.stream(ask(question), text -> {}).text())));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(streams, answers.size());
    assertTrue(answers.contains("Echo: question number 199"));
    assertEquals(streams, api.count(FakeLlamaApi.CHAT));
  }

  @Test
  void aStreamWithNeitherTextNorStopIsAnError() {
    assertNull(
        new ChatStreamReader(new LlamaWireFormat(), "test", s -> s)
            .read(
                new java.io.ByteArrayInputStream(
                    "data: {\"event\":{\"event_type\":\"progress\",\"delta\":{\"type\":\"text\",\"text\":\"partial\"}}}\n\n"
                        .getBytes(UTF_8)),
                TestLlama.MODEL,
                text -> {})
            .stopReason());
    assertThrows(
        ModelException.class,
        () ->
            new ChatStreamReader(new LlamaWireFormat(), "test", s -> s)
                .read(new java.io.ByteArrayInputStream(new byte[0]), TestLlama.MODEL, t -> {}));
  }

  private static List<String> roles(JsonNode body) {
    List<String> roles = new java.util.ArrayList<>();
    body.path("messages").forEach(message -> roles.add(message.path("role").asText()));
    return roles;
  }
}
