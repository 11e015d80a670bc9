package dev.cria.core;

import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.chat.ConversationKey;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.persistence.TestDatabases;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.RecordingReplyPort.Delivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool-call loop over the native Llama API dialect: streamed {@code tool_call} deltas, the call
 * replayed without {@code type} and with {@code stop_reason}, the {@code tool} turn with its {@code
 * tool_call_id}. The same loop over the OpenAI-compatible dialect is {@link ToolLoopTest}.
 */
class ToolLoopNativeTest {

  @Test
  void theTimeToolsResultReachesTheModelAndItsAnswerTheUser() {
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("cria.llama.api-style", "llama");
    properties.put("cria.llama.api-key", "native-tools-key-0000");
    properties.put("cria.llama.moderation", "moderations");
    try (PipelineHarness harness = PipelineHarness.start(FakeLlamaApi.start(), properties)) {
      ConversationKey thread = ConversationKey.parse("slack:T1:C1:native-tools");

      harness.service.accept(message(thread, "native-tools-1", "Date? [[tool:current_time]]"));
      Delivery reply = harness.replies.next(Duration.ofSeconds(20));

      assertTrue(reply.text().startsWith("_Using `current_time`…_"), reply.text());
      assertTrue(reply.text().contains("Tool said: "), reply.text());
      JsonNode messages =
          harness.llama.requests(FakeLlamaApi.CHAT).getLast().body().path("messages");
      JsonNode assistant = messages.get(messages.size() - 2);
      JsonNode tool = messages.get(messages.size() - 1);
      assertEquals("tool_calls", assistant.path("stop_reason").asText());
      assertTrue(assistant.at("/tool_calls/0/type").isMissingNode(), assistant.toString());
      assertEquals(assistant.at("/tool_calls/0/id").asText(), tool.path("tool_call_id").asText());
      assertEquals("llama", harness.llama.requests(FakeLlamaApi.CHAT).getLast().style());
    }
  }
}
