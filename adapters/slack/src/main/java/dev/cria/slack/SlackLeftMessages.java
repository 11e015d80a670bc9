package dev.cria.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what an earlier attempt at an answer left in a thread, for a replica taking over ({@code
 * conversations.replies} with {@code include_all_metadata}): Cria's own messages ({@code
 * auth.test}'s user) tagged with the event ({@link SlackReplyTag}) or untagged after the question.
 */
final class SlackLeftMessages {

  /** A thread longer than this many pages of 200 is not searched further. */
  private static final int MAX_REPLY_PAGES = 5;

  private final MethodsClient methods;
  private final SlackCalls calls;
  private volatile String botUserId;

  SlackLeftMessages(MethodsClient methods, SlackCalls calls) {
    this.methods = methods;
    this.calls = calls;
  }

  /**
   * The ts of the messages this bot left in a thread that answer {@code eventId}: tagged with it,
   * or, after the message answered ({@code askedTs}, may be null), carrying no tag at all (a stream
   * whose starter died before stopping it). Oldest first.
   */
  List<String> find(String channel, String threadTs, String askedTs, String eventId) {
    String self = botUserId();
    List<String> found = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_REPLY_PAGES; page++) {
      String from = cursor;
      ConversationsRepliesResponse response =
          calls.call(
              "conversations.replies",
              true,
              () ->
                  methods.conversationsReplies(
                      r ->
                          r.channel(channel)
                              .ts(threadTs)
                              .limit(200)
                              .cursor(from)
                              .includeAllMetadata(true)));
      for (Message message : response.getMessages()) {
        String event = SlackReplyTag.eventOf(message);
        boolean own = self.equals(message.getUser());
        boolean untaggedAfter = event == null && askedTs != null && later(message.getTs(), askedTs);
        if (own && (eventId.equals(event) || untaggedAfter)) {
          found.add(message.getTs());
        }
      }
      cursor =
          response.getResponseMetadata() == null
              ? null
              : response.getResponseMetadata().getNextCursor();
      if (!response.isHasMore() || cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    return found;
  }

  /** Whether message ts {@code ts} is later than {@code than} (both "seconds.micros"). */
  static boolean later(String ts, String than) {
    try {
      return new BigDecimal(ts).compareTo(new BigDecimal(than)) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The bot's own user id ({@code auth.test}), asked once. */
  private String botUserId() {
    String known = botUserId;
    if (known == null) {
      known = calls.call("auth.test", true, () -> methods.authTest(r -> r)).getUserId();
      botUserId = known;
    }
    return known;
  }
}
