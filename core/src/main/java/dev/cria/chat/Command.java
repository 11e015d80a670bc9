package dev.cria.chat;

/** The commands every platform shares; each platform maps its own syntax onto these. */
public sealed interface Command {

  /** Forget the conversation's stored turns. */
  record Reset() implements Command {}

  /** Show the model in use and the ones available ({@code modelId} null), or switch to one. */
  record Model(String modelId) implements Command {}

  /** Show the system prompt ({@code prompt} null), set it, or clear it ({@code prompt} empty). */
  record SystemPrompt(String prompt) implements Command {}

  /** Explain what Cria does and which commands exist. */
  record Help() implements Command {}

  /** Show the tokens and requests used today. */
  record Usage() implements Command {}

  /**
   * Answer the question of the answer in message {@code answerMessageId} again, replacing that
   * answer (the Regenerate button). Only the conversation's latest answer can be regenerated.
   */
  record Regenerate(String answerMessageId) implements Command {}

  /**
   * Summarize the conversation's stored history: title, summary, decisions, action items with
   * owners, open questions.
   *
   * @param aboutMessageId the message it was asked on (Discord's "Summarize thread" on a message):
   *     the conversation that message belongs to is summarized; null for the conversation the
   *     command was written in
   */
  record Summarize(String aboutMessageId) implements Command {
    public Summarize() {
      this(null);
    }
  }

  /**
   * Run ({@code run} true) or cancel a side-effecting tool call the model asked for, which waits
   * for the asker's click (the Run and Cancel buttons under the confirmation request).
   */
  record ConfirmTool(String pendingId, boolean run) implements Command {}
}
