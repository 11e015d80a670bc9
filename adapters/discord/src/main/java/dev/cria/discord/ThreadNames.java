package dev.cria.discord;

/** Names and starter messages for the threads {@code /chat} opens. */
final class ThreadNames {

  /** Discord's limit on a thread's name. */
  static final int MAX_NAME = 100;

  private static final int MAX_QUOTE = 1800;

  private ThreadNames() {}

  /** The prompt on one line, cut to 100 characters (at a word where that keeps most of it). */
  static String of(String prompt) {
    String line = prompt == null ? "" : prompt.replaceAll("\\s+", " ").strip();
    if (line.isEmpty()) {
      return "Chat with Cria";
    }
    if (line.length() <= MAX_NAME) {
      return line;
    }
    String cut = line.substring(0, MAX_NAME - 1);
    if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      cut = cut.substring(0, cut.length() - 1);
    }
    int space = cut.lastIndexOf(' ');
    return (space > MAX_NAME / 2 ? cut.substring(0, space) : cut) + "…";
  }

  /** The message the thread hangs off: who asked what. */
  static String starter(String userName, String prompt) {
    String quoted = prompt.length() > MAX_QUOTE ? prompt.substring(0, MAX_QUOTE) + "…" : prompt;
    return "**" + userName + "** started a chat:\n> " + quoted.replace("\n", "\n> ");
  }
}
