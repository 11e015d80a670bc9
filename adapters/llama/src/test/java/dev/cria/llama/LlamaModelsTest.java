package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cria.core.ModelException;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /models} and {@code GET /models/{id}}, and the cache in front of the list. */
@ExtendWith(FakeLlamaApiExtension.class)
class LlamaModelsTest {

  private FakeLlamaApi api;
  private TestLlama llama;

  @BeforeEach
  void reset(FakeLlamaApi api) {
    this.api = api;
    llama = TestLlama.nativeApi(api.baseUrl());
  }

  @Test
  void listsTheModelsOnceAndServesRepeatsFromTheCache() {
    LlamaChatClient client = llama.client();

    assertEquals(api.models(), client.models());
    assertEquals(api.models(), client.models());
    assertEquals(1, api.count(FakeLlamaApi.MODELS));
    assertEquals("Meta", client.availableModels().getFirst().ownedBy());
    assertEquals(1, llama.requests(LlamaTransport.MODELS, "ok"));
  }

  @Test
  void findsOneModelAndReportsUnknownOnesAsNotFound() {
    LlamaChatClient client = llama.client();
    String id = api.models().get(2);

    assertEquals(id, client.model(id).id());
    ModelException error = assertThrows(ModelException.class, () -> client.model("no such model"));
    assertEquals(ModelException.Kind.NOT_FOUND, error.kind());
    assertEquals("/models/no such model", api.requests(FakeLlamaApi.MODELS).getLast().path());
  }

  @Test
  void aFailedListIsNotCached() {
    LlamaChatClient client = llama.client();
    api.requireApiKey("someone-else");
    try {
      assertThrows(ModelException.class, client::models);
    } finally {
      api.requireApiKey(null);
    }

    assertEquals(api.models(), client.models());
    assertEquals(2, api.count(FakeLlamaApi.MODELS));
  }
}
