package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /models} at startup: which needed models the server lacks, or that it is away. */
class ModelServerCheckTest {

  @Test
  void ollamasLatestTagMatchesAModelNamedWithoutATag() {
    try (FakeLlamaApi api = FakeLlamaApi.ollama()) {
      TestLlama llama = TestLlama.ollama(api.baseUrl());
      var settings = withModel(llama, "llama3.2");

      ModelServerStatus status = new ModelServerCheck(llama.client(), settings).check();

      assertTrue(status.reachable());
      assertEquals(Map.of(), status.missing());
      assertTrue(status.served().contains("llama3.2:latest"), status.served().toString());
    }
  }

  @Test
  void aMissingChatModelAndAMissingGuardAreNamedByTheirVariables() {
    try (FakeLlamaApi api = FakeLlamaApi.start(FakeLlamaServer.LLAMA_CPP)) {
      TestLlama llama = TestLlama.ollama(api.baseUrl());
      var settings = withModel(llama, "llama3.3");

      ModelServerStatus status = new ModelServerCheck(llama.client(), settings).check();

      assertEquals(
          Map.of("LLAMA_MODEL", "llama3.3", "LLAMA_MODERATION_MODEL", "llama-guard3:1b"),
          status.missing());
      assertEquals(List.of("Llama-3.2-3B-Instruct-Q4_K_M.gguf"), status.served());
    }
  }

  @Test
  void anUnreachableServerIsReportedWithTheReason() {
    FakeLlamaApi gone = FakeLlamaApi.ollama();
    String url = gone.baseUrl();
    gone.close();
    TestLlama llama =
        TestLlama.with(null, url, "openai", Duration.ofSeconds(1), "guard", "llama-guard3:1b", "");

    ModelServerStatus status = new ModelServerCheck(llama.client(), llama.settings).check();

    assertFalse(status.reachable());
    assertEquals(url, status.baseUrl());
    assertTrue(status.error().contains("models"), status.error());
  }

  private static dev.cria.llama.LlamaSettings withModel(TestLlama llama, String model) {
    var s = llama.settings;
    return new dev.cria.llama.LlamaSettings(
        s.apiKey(),
        s.baseUrl(),
        model,
        s.apiStyle(),
        s.moderation(),
        s.moderationModel(),
        s.moderationBaseUrl(),
        s.moderationAllow(),
        s.connectTimeout(),
        s.readTimeout(),
        s.maxRetries(),
        s.visionModels(),
        s.moderationImages());
  }
}
