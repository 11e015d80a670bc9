package dev.cria.testing;

/** Small checks on text the tests read back, such as a process's log. */
public final class Texts {

  private Texts() {}

  /** How often {@code words} occur in {@code text}. */
  public static int occurrences(String text, String words) {
    int count = 0;
    for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
      count++;
    }
    return count;
  }
}
