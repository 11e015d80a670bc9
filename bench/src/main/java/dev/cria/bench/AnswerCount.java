package dev.cria.bench;

import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The final tally, from what the fake Slack holds at the end: how many finished answer messages
 * carry each event's tag. Exactly one each is the goal; none means unanswered (late or lost), more
 * is a duplicate.
 *
 * @param unanswered events without an answer at the end
 * @param duplicated events answered more than once
 * @param unansweredIds the events without an answer
 */
record AnswerCount(
    int expected, int answered, int unanswered, int duplicated, List<Integer> unansweredIds) {

  static AnswerCount of(FakeSlackApi slack, Collection<String> channels, Collection<Integer> ids) {
    Map<Integer, Integer> perEvent = new HashMap<>();
    for (String channel : channels) {
      for (FakeSlackMessage message : slack.messages(channel)) {
        if (message.streaming() || AnswerWatcher.isPreview(message.text())) {
          continue;
        }
        Matcher tag = AnswerWatcher.TAG.matcher(message.text());
        if (tag.find()) {
          perEvent.merge(Integer.parseInt(tag.group(1)), 1, Integer::sum);
        }
      }
    }
    int answered = 0;
    List<Integer> unanswered = new ArrayList<>();
    int duplicated = 0;
    for (int id : ids) {
      int count = perEvent.getOrDefault(id, 0);
      answered += count > 0 ? 1 : 0;
      if (count == 0) {
        unanswered.add(id);
      }
      duplicated += count > 1 ? 1 : 0;
    }
    return new AnswerCount(ids.size(), answered, unanswered.size(), duplicated, unanswered);
  }
}
