package dev.cria.chat;

/**
 * One answer on its way to the platform: a visible "thinking" signal, progressive updates while the
 * model streams, then the final text. Implementations retry transient platform errors themselves
 * and throw when the answer could not be delivered.
 */
public interface Reply {

  /**
   * Shows that Cria is working on it.
   *
   * @return the platform id of a placeholder message that later calls edit, or null when the
   *     platform shows a status instead
   */
  String start();

  /** Shows the answer so far (Markdown). Calls are already throttled by the core. */
  void update(String textSoFar);

  /**
   * The platform id of the message the answer is being written into, once there is one (e.g. a
   * stream started by the first update). The core records it, so that an attempt after a crash
   * edits that message instead of posting a second answer.
   */
  default String messageId() {
    return null;
  }

  /**
   * Delivers the final answer (Markdown), replacing the placeholder and any progressive text.
   *
   * @return the platform id of the first message that holds the answer
   */
  String finish(String text);

  /**
   * Delivers the model's final answer: as {@link #finish}, and where the platform offers it with a
   * way to rate it (Slack's feedback buttons).
   */
  default String answer(String text) {
    return finish(text);
  }

  /**
   * Delivers an answer that asks the asker to confirm a side-effecting tool call: as {@link
   * #finish}, with a Run and a Cancel button whose value is {@code pendingId} (Slack actions {@code
   * cria_tool_run} and {@code cria_tool_cancel}, Discord custom ids {@code cria:tc:run:<id>} and
   * {@code cria:tc:cancel:<id>}). The default shows the text alone.
   *
   * @return the platform id of the first message that holds it
   */
  default String confirm(String text, String pendingId) {
    return finish(text);
  }

  /**
   * Whether the person asked to stop this answer (Slack's Stop button). The core asks between the
   * model's chunks: it then closes the model call and keeps what was written so far, marked as
   * stopped.
   */
  default boolean stopped() {
    return false;
  }

  /** Delivers a short error or refusal instead of an answer. */
  default String fail(String text) {
    return finish(text);
  }

  /**
   * Delivers a structured summary ({@code summarize}). Adapters with a richer form override this
   * (Slack Block Kit, a Discord embed); the default shows its Markdown.
   *
   * @return the platform id of the message that holds it
   */
  default String summary(Summary summary) {
    return finish(summary.markdown());
  }

  /**
   * Whether this is the first answer of a conversation that is named after its first exchange: in a
   * Discord thread that {@code /chat} opened, to the question that started a Slack agent thread.
   * The core then asks the model for a title once the answer is delivered and hands it to {@link
   * #title}.
   */
  default boolean takesTitle() {
    return false;
  }

  /**
   * Names the conversation (renames the thread). Called at most once, after the first answer, and
   * only when {@link #takesTitle()}; a failure is the adapter's to log, it changes no answer.
   */
  default void title(String title) {}
}
