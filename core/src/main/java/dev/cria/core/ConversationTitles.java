package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Reply;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names a conversation after its first exchange, where the platform shows a name (a Discord thread
 * that {@code /chat} opened, a Slack agent thread): one {@code json_schema} call ({@link
 * TitleSchema}) after the first answer is delivered, on a virtual thread of its own, so the answer
 * never waits for it. Without structured output, or when the call fails, the conversation keeps the
 * name the adapter gave it from the question. The title is made of a question and an answer that
 * were both moderated already, so it is not checked again.
 */
@Singleton
class ConversationTitles {

  /** Discord's limit on a thread's name; Slack's adapter cuts its titles shorter. */
  static final int MAX_TITLE = 100;

  /** How much of the answer the title call sees: the gist is at the start. */
  static final int MAX_ANSWER_CHARS = 2000;

  static final String PROMPT =
      """
      Give this conversation a short title: at most 60 characters, no quotes, no final period, \
      in the conversation's language. Answer with one JSON object as the schema describes.""";

  private static final Logger LOG = LoggerFactory.getLogger(ConversationTitles.class);

  private final ChatModel model;
  private final ModelCircuit circuit;

  ConversationTitles(ChatModel model, ModelCircuit circuit) {
    this.model = model;
    this.circuit = circuit;
  }

  /**
   * Asks for a title when the reply says it is the first answer of a conversation that takes one
   * ({@link Reply#takesTitle()}): the adapter knows, from where the answer goes.
   */
  void afterFirstAnswer(ChatEvent event, Reply reply, String answer, String modelName) {
    if (!reply.takesTitle() || circuit.refusesNow()) {
      return;
    }
    String conversation = event.conversation().toString();
    Thread.ofVirtual()
        .name("conversation-title")
        .start(() -> name(conversation, reply, request(event, answer, modelName)));
  }

  private void name(String conversation, Reply reply, ChatRequest request) {
    try {
      Optional<String> title =
          model.structured(request, TitleSchema.SCHEMA).map(fields -> clean(fields.title()));
      if (title.isPresent() && !title.get().isEmpty()) {
        reply.title(title.get());
      } else {
        LOG.info("No structured title for {}: it keeps its name", conversation);
      }
    } catch (RuntimeException e) {
      LOG.info("No title for {} ({}): it keeps its name", conversation, e.toString());
    }
  }

  private static ChatRequest request(ChatEvent event, String answer, String modelName) {
    String shortAnswer =
        answer.length() > MAX_ANSWER_CHARS ? answer.substring(0, MAX_ANSWER_CHARS) : answer;
    return new ChatRequest(
        modelName,
        List.of(
            ChatTurn.system(PROMPT),
            ChatTurn.user("Question:\n" + event.text() + "\n\nAnswer:\n" + shortAnswer)),
        0.2,
        null,
        event.author().id());
  }

  /** One line, no surrounding quotes, at most {@value #MAX_TITLE} characters. */
  static String clean(String title) {
    if (title == null) {
      return "";
    }
    String line = title.replaceAll("\\s+", " ").strip();
    line = line.replaceAll("^[\"'“”«»]+|[\"'“”«»]+$", "").strip();
    if (line.length() <= MAX_TITLE) {
      return line;
    }
    int cut = Character.isHighSurrogate(line.charAt(MAX_TITLE - 2)) ? MAX_TITLE - 2 : MAX_TITLE - 1;
    return line.substring(0, cut).strip() + "…";
  }
}
