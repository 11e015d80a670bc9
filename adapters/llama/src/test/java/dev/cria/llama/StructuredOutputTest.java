package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.JsonSchema;
import dev.cria.core.ModelException;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code response_format} {@code json_schema} in both dialects, against the documented request and
 * over the fake server: the answer mapped onto a record, and the fallbacks (a refused parameter, an
 * answer that does not fit).
 */
@ExtendWith(FakeLlamaApiExtension.class)
class StructuredOutputTest {

  /** The documented example's schema (llama-api-python examples/structured.py). */
  record Address(String street, String city, String state, String zip) {}

  /** A record with a list of records, named in snake_case on the wire. */
  record Plan(String title, List<Step> nextSteps) {}

  record Step(String task, String owner) {}

  private static final JsonNode DOCUMENTED =
      LlamaFixturesTest.fixture("chat-request-structured-output.json");

  private static final JsonSchema<Address> ADDRESS =
      new JsonSchema<>(
          "Address",
          DOCUMENTED.at("/response_format/json_schema/schema").toString(),
          Address.class);

  private static final JsonSchema<Plan> PLAN =
      new JsonSchema<>(
          "Plan",
          """
          {"type": "object",
           "properties": {
             "title": {"type": "string"},
             "next_steps": {"type": "array", "items": {"type": "object",
               "properties": {"task": {"type": "string"}, "owner": {"type": "string"}},
               "required": ["task", "owner"]}}},
           "required": ["title", "next_steps"]}""",
          Plan.class);

  private FakeLlamaApi api;

  @BeforeEach
  void setUp(FakeLlamaApi api) {
    this.api = api;
  }

  private static ChatRequest documentedRequest() {
    return new ChatRequest(
        DOCUMENTED.path("model").asText(),
        List.of(
            ChatTurn.system(DOCUMENTED.at("/messages/0/content").asText()),
            ChatTurn.user(DOCUMENTED.at("/messages/1/content").asText())),
        0.1,
        null,
        null);
  }

  @Test
  void theNativeRequestIsTheDocumentedOne() {
    Optional<Address> address =
        TestLlama.nativeApi(api.baseUrl()).client().structured(documentedRequest(), ADDRESS);

    assertEquals(DOCUMENTED, api.requests(FakeLlamaApi.CHAT).getLast().body());
    String seed = "123 Main St, Anytown, USA";
    assertEquals(
        Optional.of(
            new Address("street: " + seed, "city: " + seed, "state: " + seed, "zip: " + seed)),
        address);
  }

  @Test
  void theOpenAiCompatibleRequestNamesTheSchemaAndIsStrict() {
    Optional<Address> address =
        TestLlama.openAi(api.compatUrl()).client().structured(documentedRequest(), ADDRESS);

    var request = api.requests(FakeLlamaApi.CHAT).getLast();
    assertEquals("openai", request.style());
    JsonNode format = request.body().path("response_format");
    assertEquals("json_schema", format.path("type").asText());
    assertEquals("Address", format.at("/json_schema/name").asText());
    assertTrue(format.at("/json_schema/strict").asBoolean());
    assertEquals(
        DOCUMENTED.at("/response_format/json_schema/schema"), format.at("/json_schema/schema"));
    assertFalse(request.body().path("stream").asBoolean(), "structured calls do not stream");
    assertTrue(address.isPresent());
  }

  @Test
  void snakeCasePropertiesMapOntoNestedRecords() {
    api.answerStructuredWith(
        "```json\n{\"title\": \"Ship it\", \"next_steps\": [{\"task\": \"Tag 1.0\", \"owner\":"
            + " \"U0ADA\"}], \"extra\": 1}\n```");

    Optional<Plan> plan =
        TestLlama.openAi(api.compatUrl()).client().structured(TestLlama.ask("plan"), PLAN);

    assertEquals(Optional.of(new Plan("Ship it", List.of(new Step("Tag 1.0", "U0ADA")))), plan);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sure! Here is the plan: ship it.",
        "{\"title\": \"Ship it\"}",
        "{\"title\": \"Ship it\", \"next_steps\": \"soon\"}",
        "{\"title\": 42, \"next_steps\": []}",
        "{\"title\": null, \"next_steps\": []}",
        "[1, 2]"
      })
  void anAnswerThatDoesNotFitTheSchemaIsNoAnswer(String text) {
    api.answerStructuredWith(text);

    for (TestLlama llama :
        List.of(TestLlama.openAi(api.compatUrl()), TestLlama.nativeApi(api.baseUrl()))) {
      assertEquals(Optional.empty(), llama.client().structured(TestLlama.ask("plan"), PLAN), text);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 422})
  void aServerRefusingResponseFormatIsNoAnswerAndIsNotAskedAgainAtOnce(int status) {
    api.refuseStructuredOutput(status);
    LlamaChatClient client = TestLlama.nativeApi(api.baseUrl()).client();

    assertEquals(Optional.empty(), client.structured(documentedRequest(), ADDRESS));
    assertEquals(Optional.empty(), client.structured(documentedRequest(), ADDRESS));

    assertEquals(1, api.count(FakeLlamaApi.CHAT), "the refusal is remembered");
  }

  @Test
  void otherFailuresAreModelErrors() {
    api.failNext(503, 5);

    ModelException e =
        assertThrows(
            ModelException.class,
            () ->
                TestLlama.openAi(api.compatUrl())
                    .client()
                    .structured(documentedRequest(), ADDRESS));

    assertEquals(ModelException.Kind.UNAVAILABLE, e.kind());
  }

  @Test
  void aBadRequestThatDoesNotNameTheParameterIsNoFallback() {
    assertFalse(
        StructuredOutput.refusesResponseFormat(
            new ModelException(
                ModelException.Kind.BAD_REQUEST,
                ModelException.Symptom.NONE,
                "chat failed with HTTP 400: Unexpected param value `temperature`")));
    assertTrue(
        StructuredOutput.refusesResponseFormat(
            new ModelException(
                ModelException.Kind.BAD_REQUEST,
                ModelException.Symptom.NONE,
                "chat failed with HTTP 400: response_format json_schema is not supported")));
  }

  @Test
  void theDocumentedBodyHasNoStrictInTheNativeDialect() {
    ObjectNode format =
        (ObjectNode)
            new LlamaWireFormat()
                .responseFormat("Address", DOCUMENTED.at("/response_format/json_schema/schema"));
    assertEquals(DOCUMENTED.path("response_format"), format);
  }
}
