package dev.cria.web;

import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.util.regex.Pattern;

/**
 * Web conversation keys: {@code web:browser:<user>:<conversation id>}. The channel is the user, so
 * usage per channel is usage per web user, and each conversation is a thread of its own.
 */
final class WebConversations {

  static final String WORKSPACE = "browser";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{6,40}");

  private WebConversations() {}

  static String newId() {
    return RandomTokens.next().substring(0, 12);
  }

  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  static ConversationKey key(String user, String id) {
    return new ConversationKey(Platform.WEB, WORKSPACE, user, id);
  }

  /** The prefix of every conversation key of this user. */
  static String prefix(String user) {
    return ConversationKey.of(Platform.WEB, WORKSPACE, user) + ":";
  }
}
