package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cria.core.ChatModel;
import dev.cria.core.ChatTurn;
import dev.cria.core.Moderator;
import dev.cria.fakes.FakeLlamaApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client and the moderator as Micronaut beans, configured by {@code cria.llama.*}. */
class LlamaBeansTest {

  @Test
  void theBeansAreWiredFromSettingsAndCountIntoTheSharedRegistry() {
    try (FakeLlamaApi api = FakeLlamaApi.ollama();
        ApplicationContext context =
            ApplicationContext.run(
                Map.of("cria.llama.base-url", api.baseUrl(), "cria.llama.max-retries", 0),
                "test")) {
      ChatModel model = context.getBean(ChatModel.class);
      Moderator moderator = context.getBean(Moderator.class);

      assertInstanceOf(LlamaChatClient.class, model);
      var defaultModel =
          new dev.cria.core.ChatRequest(null, List.of(ChatTurn.user("hi")), null, null, null);
      assertEquals("Echo: hi", model.stream(defaultModel, text -> {}).text());
      assertEquals(
          "llama3.2", api.requests(FakeLlamaApi.CHAT).getFirst().body().path("model").asText());
      assertFalse(moderator.check(List.of(ChatTurn.user("hi"))).flagged());
      assertEquals(
          "llama-guard3:1b",
          api.requests(FakeLlamaApi.GUARD).getFirst().body().path("model").asText(),
          "Llama Guard as a chat model is the default");
      assertEquals(
          1.0,
          context
              .getBean(MeterRegistry.class)
              .get(LlamaMetrics.REQUESTS)
              .tag("endpoint", "chat")
              .tag("outcome", "ok")
              .counter()
              .count());
    }
  }
}
