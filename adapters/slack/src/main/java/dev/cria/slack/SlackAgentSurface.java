package dev.cria.slack;

import com.google.gson.JsonObject;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.Platform;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's agent surface around the conversation: the suggested prompts when someone opens Cria's
 * messages tab ({@code app_home_opened}, or the legacy {@code assistant_thread_started}), the
 * channel they look at ({@code app_context_changed}), and the title of a thread once it starts.
 * These calls run after the ack, on their own virtual thread: a failure is logged and changes
 * nothing about the answer.
 */
final class SlackAgentSurface {

  private static final Logger LOG = LoggerFactory.getLogger(SlackAgentSurface.class);

  private final SlackWebApi api;
  private final List<SlackSuggestedPrompt> prompts;
  private final SlackStops stops;
  private final ConversationService conversations;

  SlackAgentSurface(
      SlackWebApi api,
      List<SlackSuggestedPrompt> prompts,
      SlackStops stops,
      ConversationService conversations) {
    this.api = api;
    this.prompts = List.copyOf(prompts);
    this.stops = stops;
    this.conversations = conversations;
  }

  /**
   * Handles the event of workspace {@code team} when it belongs to the agent surface; false for
   * every other event.
   */
  boolean handles(JsonObject event, String team) {
    String type = SlackEventMapper.string(event, "type");
    if (type == null) {
      return false;
    }
    switch (type) {
      case "app_home_opened" -> {
        if ("messages".equals(SlackEventMapper.string(event, "tab"))) {
          suggest(SlackEventMapper.string(event, "channel"), null);
        }
      }
      case "assistant_thread_started" -> {
        JsonObject thread = SlackEventMapper.object(event, "assistant_thread");
        if (thread != null) {
          suggest(
              SlackEventMapper.string(thread, "channel_id"),
              SlackEventMapper.string(thread, "thread_ts"));
        }
      }
      case "agent_session_stopped" -> stopped(event, team);
      case "app_context_changed", "assistant_thread_context_changed" ->
          // Cria answers from the thread alone; the channel beside the pane is not read.
          LOG.debug("Slack {}: the user looks at another channel", type);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The Stop button: the answers being written in the thread, or into its streamed messages ({@code
   * streaming_message_ts}), stop at their next chunk; the status is cleared at once. The stop is
   * also recorded in the shared queue, for the replica writing the answer when that is another one.
   */
  private void stopped(JsonObject event, String team) {
    String channel = SlackEventMapper.string(event, "channel");
    String thread = SlackEventMapper.string(event, "thread_ts");
    if (channel == null) {
      return;
    }
    if (thread != null) {
      stops.stop(channel, thread);
      later("assistant.threads.setStatus", () -> api.clearStatus(channel, thread));
      if (team != null) {
        var conversation = new ConversationKey(Platform.SLACK, team, channel, thread);
        later("recording the stop", () -> conversations.stopAnswer(conversation));
      }
    }
    var streamed = event.get("streaming_message_ts");
    if (streamed != null && streamed.isJsonArray()) {
      for (var ts : streamed.getAsJsonArray()) {
        if (ts.isJsonPrimitive()) {
          stops.stop(channel, ts.getAsString());
        }
      }
    }
    LOG.info("Slack Stop clicked in {}", channel);
  }

  /** Names a new agent thread (a top-level DM) after its first question. */
  void started(ChatEvent event) {
    String title = SlackThreadTitle.of(event.text());
    String channel = event.conversation().channel();
    if (title == null || channel == null) {
      return;
    }
    later("agents.sessions.rename", () -> api.setTitle(channel, event.messageId(), title));
  }

  private void suggest(String channel, String threadTs) {
    if (prompts.isEmpty() || channel == null) {
      return;
    }
    later(
        "assistant.threads.setSuggestedPrompts",
        () -> api.setSuggestedPrompts(channel, threadTs, prompts));
  }

  private static void later(String what, Runnable call) {
    Thread.ofVirtual()
        .name("slack-agent-surface")
        .start(
            () -> {
              try {
                call.run();
              } catch (RuntimeException e) {
                LOG.warn("Slack {} failed: {}", what, e.toString());
              }
            });
  }
}
