package dev.cria.chat;

import java.util.List;
import java.util.Objects;

/**
 * A conversation's structured summary, as the {@code summarize} command shows it. Adapters render
 * it natively (Slack Block Kit, a Discord embed); {@link #markdown()} is the same as plain
 * Markdown, for platforms without a richer form and as Slack's notification text.
 *
 * @param scope what was summarized, e.g. "this thread (12 messages)"
 */
public record Summary(
    String scope,
    String title,
    String summary,
    List<String> decisions,
    List<ActionItem> actionItems,
    List<String> openQuestions) {

  /**
   * One thing to do, and who does it.
   *
   * @param owner a name or a platform user id as the conversation wrote it, or empty when nobody
   *     was named
   */
  public record ActionItem(String task, String owner) {
    public ActionItem {
      task = Objects.requireNonNullElse(task, "").strip();
      owner = Objects.requireNonNullElse(owner, "").strip();
    }
  }

  public Summary {
    scope = Objects.requireNonNullElse(scope, "");
    title = Objects.requireNonNullElse(title, "").strip();
    summary = Objects.requireNonNullElse(summary, "").strip();
    decisions = nonBlank(decisions);
    actionItems =
        actionItems == null
            ? List.of()
            : actionItems.stream().filter(item -> !item.task().isEmpty()).toList();
    openQuestions = nonBlank(openQuestions);
  }

  /** The summary as Markdown: a bold title, the summary, then one bullet list per section. */
  public String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("**").append(title.isEmpty() ? "Summary" : title).append("**\n");
    text.append("_Summary of ").append(scope).append("_\n\n").append(summary);
    section(text, "Decisions", decisions);
    section(
        text,
        "Action items",
        actionItems.stream()
            .map(
                item ->
                    item.owner().isEmpty() ? item.task() : item.task() + " (" + item.owner() + ")")
            .toList());
    section(text, "Open questions", openQuestions);
    return text.toString();
  }

  private static void section(StringBuilder text, String heading, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    text.append("\n\n**").append(heading).append("**");
    for (String item : items) {
      text.append("\n• ").append(item);
    }
  }

  private static List<String> nonBlank(List<String> items) {
    return items == null
        ? List.of()
        : items.stream()
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
  }
}
