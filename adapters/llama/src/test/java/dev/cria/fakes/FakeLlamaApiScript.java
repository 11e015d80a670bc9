package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The behaviour the markers in the last user message ask {@link FakeLlamaApi} for, and the answer
 * it derives from that message. Markers let a test in another process (a benchmark, a fault tool)
 * steer the fake with nothing but the text it sends.
 *
 * @param longChars {@code [[long:N]]}: an answer of exactly N characters, or 0
 * @param status {@code [[status:CODE]]}: fail every attempt with that status, or 0
 * @param statusOnce {@code [[status-once:CODE]]}: fail the first attempt of each distinct request
 * @param slowMillis {@code [[slow:MS]]}: pause before every chunk, or 0
 * @param hugeLineChars {@code [[huge-line:N]]}: a streamed chunk of N characters of text after the
 *     first, all on one line, or 0
 */
record FakeLlamaApiScript(
    boolean flagOutput,
    int longChars,
    int status,
    int statusOnce,
    boolean midstreamError,
    boolean abrupt,
    long slowMillis,
    boolean contentString,
    int hugeLineChars) {

  static final String FLAGGED_ANSWER = "[[flagged-answer]]";

  static FakeLlamaApiScript of(String lastUserMessage) {
    return new FakeLlamaApiScript(
        lastUserMessage.contains("[[flag-output]]"),
        number(lastUserMessage, "long"),
        number(lastUserMessage, "status"),
        number(lastUserMessage, "status-once"),
        lastUserMessage.contains("[[midstream-error]]"),
        lastUserMessage.contains("[[abrupt]]"),
        number(lastUserMessage, "slow"),
        lastUserMessage.contains("[[content-string]]"),
        number(lastUserMessage, "huge-line"));
  }

  /** The fixture {@code [[fixture:NAME]]} asks for, or null. */
  static String fixtureAsked(String lastUserMessage) {
    Matcher matcher = Pattern.compile("\\[\\[fixture:([a-z0-9./-]+)]]").matcher(lastUserMessage);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The answer for this message: an echo unless a marker asks for more. */
  String answer(String lastUserMessage) {
    if (longChars > 0) {
      return longAnswer(longChars);
    }
    String echo = "Echo: " + lastUserMessage;
    return flagOutput ? echo + " " + FLAGGED_ANSWER : echo;
  }

  /**
   * What moderation flags in a conversation: {@code privacy} when the last user message carries
   * {@code [[flag]]}, {@code violent_crimes} when an assistant turn contains {@value
   * #FLAGGED_ANSWER}.
   */
  static List<String> moderationCategories(JsonNode messages) {
    List<String> categories = new ArrayList<>();
    if (FakeLlamaApiRequest.lastMessage(messages, "user").contains("[[flag]]")) {
      categories.add("privacy");
    }
    for (JsonNode message : messages) {
      if ("assistant".equals(message.path("role").asText())
          && FakeLlamaApiRequest.contentText(message.path("content")).contains(FLAGGED_ANSWER)) {
        categories.add("violent_crimes");
        break;
      }
    }
    return categories;
  }

  /**
   * What Llama Guard answers for a conversation: {@code unsafe} and the codes of {@link
   * #moderationCategories} ({@code privacy} is {@code S7}, {@code violent_crimes} {@code S1}) plus
   * any {@code [[flag:S6]]} in the last user message; {@code [[guard-garbage]]} makes it ramble
   * instead of answering; otherwise {@code safe}.
   */
  static String guardVerdict(JsonNode messages) {
    String last = FakeLlamaApiRequest.lastMessage(messages, "user");
    if (last.contains("[[guard-garbage]]")) {
      return "I am not sure whether this conversation is safe.";
    }
    List<String> codes = new ArrayList<>();
    for (String category : moderationCategories(messages)) {
      codes.add(category.equals("privacy") ? "S7" : "S1");
    }
    Matcher matcher = Pattern.compile("\\[\\[flag:(S\\d{1,2})]]").matcher(last);
    while (matcher.find()) {
      codes.add(matcher.group(1));
    }
    return codes.isEmpty() ? "safe" : "unsafe\n" + String.join(",", codes);
  }

  /** Paragraphs, a fenced code block when there is room, more paragraphs; exactly n characters. */
  static String longAnswer(int n) {
    StringBuilder text = new StringBuilder();
    int paragraph = 1;
    text.append(paragraph(paragraph++)).append("\n\n");
    if (n >= 200) {
      text.append(codeBlock(n / 4)).append("\n\n");
    }
    while (text.length() < n) {
      text.append(paragraph(paragraph++)).append("\n\n");
    }
    text.setLength(n);
    if (Character.isWhitespace(text.charAt(n - 1))) {
      text.setCharAt(n - 1, '.');
    }
    return text.toString();
  }

  private static String paragraph(int index) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      text.append(
          ("This is sentence %d of paragraph %d, written by the fake Llama API so that"
                  + " chunking has real words and sentence ends to split on. ")
              .formatted(i, index));
    }
    return text.toString().strip();
  }

  private static String codeBlock(int targetChars) {
    StringBuilder code = new StringBuilder("```java\n");
    for (int line = 1; code.length() < targetChars - 4; line++) {
      code.append("int value%d = %d * 2; // line %d\n".formatted(line, line, line));
    }
    return code.append("```").toString();
  }

  private static int number(String text, String marker) {
    Matcher matcher = Pattern.compile("\\[\\[" + marker + ":(\\d{1,9})]]").matcher(text);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }
}
