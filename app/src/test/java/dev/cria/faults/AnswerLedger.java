package dev.cria.faults;

import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, from what the fake Slack holds, how each mention was answered: a finished message (a
 * posted one, or a stream that was stopped) whose text carries the mention's token is its answer.
 * Streams never stopped and placeholders never replaced are counted apart: a person would see them
 * as broken answers.
 */
final class AnswerLedger {

  private static final Pattern TOKEN = Pattern.compile("ev\\d{4}z");
  private static final String PLACEHOLDER = "_Thinking…_";

  /**
   * One count of the channel.
   *
   * @param answers finished answers per token
   * @param unfinished streams never stopped and placeholders never replaced, as text
   * @param others finished messages without a token (error replies, refusals)
   */
  record Tally(Map<String, Integer> answers, List<String> unfinished, List<String> others) {

    /** Tokens of the mentions with no answer. */
    List<String> missing(List<SlackLoad.Mention> mentions) {
      return mentions.stream()
          .map(SlackLoad.Mention::token)
          .filter(token -> !answers.containsKey(token))
          .toList();
    }

    /** Tokens answered more than once, with how often. */
    Map<String, Integer> duplicated() {
      Map<String, Integer> more = new HashMap<>();
      answers.forEach(
          (token, count) -> {
            if (count > 1) {
              more.put(token, count);
            }
          });
      return more;
    }
  }

  private final FakeSlackApi slack;

  AnswerLedger(FakeSlackApi slack) {
    this.slack = slack;
  }

  Tally tally(String channel) {
    Map<String, Integer> answers = new HashMap<>();
    List<String> unfinished = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (FakeSlackMessage message : slack.messages(channel)) {
      String text = message.text();
      if (message.streaming() || text.contains(PLACEHOLDER)) {
        unfinished.add(message.ts() + " " + text);
        continue;
      }
      Matcher token = TOKEN.matcher(text);
      if (token.find()) {
        answers.merge(token.group(), 1, Integer::sum);
      } else {
        others.add(text);
      }
    }
    return new Tally(answers, unfinished, others);
  }

  /** How many mentions have at least one finished answer. */
  int answered(List<SlackLoad.Mention> mentions) {
    Map<String, Integer> answers = tally(mentions.getFirst().channel()).answers();
    return (int) mentions.stream().filter(m -> answers.containsKey(m.token())).count();
  }

  /**
   * The finished replies in each mention's thread, for mentions that each have a thread of their
   * own: the answer, or the error a person was shown instead.
   */
  Map<String, List<String>> repliesByThread(List<SlackLoad.Mention> mentions) {
    Map<String, List<String>> replies = new HashMap<>();
    mentions.forEach(mention -> replies.put(mention.thread(), new ArrayList<>()));
    for (FakeSlackMessage message : slack.messages(mentions.getFirst().channel())) {
      List<String> thread = replies.get(message.threadTs());
      if (thread != null && !message.streaming() && !message.text().contains(PLACEHOLDER)) {
        thread.add(message.text());
      }
    }
    return replies;
  }

  /** Messages of the channel still streaming or still a placeholder. */
  List<String> unfinished(String channel) {
    return tally(channel).unfinished();
  }
}
