package dev.cria.discord;

import dev.cria.chat.MessageChunker;
import dev.cria.chat.Reply;
import dev.cria.chat.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer shown in Discord messages of at most 2,000 characters. The text so far is split with
 * {@link MessageChunker} (code blocks closed and reopened across a split); each update edits only
 * the messages whose part changed and posts a follow-up when the text outgrows the last one. The
 * final text may be shorter than what was shown (a refusal after moderation): extra messages are
 * deleted.
 */
final class StreamedReply implements Reply {

  private static final Logger LOG = LoggerFactory.getLogger(StreamedReply.class);

  static final String THINKING = "*Thinking…*";
  static final String EMPTY_ANSWER = "*(no answer)*";

  private final MessageTarget target;
  private final Consumer<String> renameThread;
  private final List<String> messageIds = new ArrayList<>();

  /** What each message shows; null when unknown (a message an earlier attempt posted). */
  private final List<String> shown = new ArrayList<>();

  /**
   * @param resumeMessageId the first message of an earlier attempt at this answer, or null
   */
  StreamedReply(MessageTarget target, String resumeMessageId) {
    this(target, resumeMessageId, null);
  }

  /**
   * @param renameThread renames the thread {@code /chat} opened for this conversation, or null
   *     where the answer is not in such a thread
   */
  StreamedReply(MessageTarget target, String resumeMessageId, Consumer<String> renameThread) {
    this.target = target;
    this.renameThread = renameThread;
    String existing = resumeMessageId != null ? resumeMessageId : target.existingMessage();
    if (existing != null) {
      messageIds.add(existing);
      shown.add(null);
    }
  }

  @Override
  public synchronized String start() {
    if (messageIds.isEmpty()) {
      messageIds.add(target.post(THINKING, 0));
      shown.add(THINKING);
    }
    return firstMessageId();
  }

  /**
   * Shows the text so far. A failed edit is logged and skipped: the next update or the final text
   * puts every message right, and only a failed final delivery is an error.
   */
  @Override
  public synchronized void update(String textSoFar) {
    if (textSoFar == null || textSoFar.isBlank()) {
      return;
    }
    try {
      show(MessageChunker.split(textSoFar, OutgoingMessages.MAX_LENGTH), false);
    } catch (RuntimeException e) {
      LOG.warn("Could not show the answer so far on Discord: {}", e.toString());
    }
  }

  /**
   * The first message's id once there is one (the placeholder, or an earlier attempt's message), so
   * that the core records it and a later attempt edits it instead of posting a second answer.
   */
  @Override
  public synchronized String messageId() {
    return firstMessageId();
  }

  @Override
  public synchronized String finish(String text) {
    String answer = text == null || text.isBlank() ? EMPTY_ANSWER : text;
    show(MessageChunker.split(answer, OutgoingMessages.MAX_LENGTH), true);
    return firstMessageId();
  }

  /**
   * The model's answer: as {@link #finish}, then the 👍/👎 buttons under its last message. A failed
   * button edit is logged: the answer itself is delivered.
   */
  @Override
  public synchronized String answer(String text) {
    String first = finish(text);
    if (first != null && !messageIds.isEmpty()) {
      try {
        target.addButtons(messageIds.getLast(), shown.getLast(), first);
      } catch (RuntimeException e) {
        LOG.warn("Could not add feedback buttons on Discord: {}", e.toString());
      }
    }
    return first;
  }

  /**
   * A summary as an embed ({@link DiscordSummaryEmbed}) in the answer's first message; any further
   * message an earlier attempt left is deleted.
   */
  @Override
  public synchronized String summary(Summary summary) {
    String first = messageIds.isEmpty() ? null : messageIds.getFirst();
    String id = target.embed(first, DiscordSummaryEmbed.of(summary));
    while (messageIds.size() > 1) {
      target.delete(messageIds.removeLast());
      shown.removeLast();
    }
    messageIds.clear();
    shown.clear();
    messageIds.add(id);
    shown.add(null);
    return firstMessageId();
  }

  @Override
  public boolean takesTitle() {
    return renameThread != null;
  }

  @Override
  public void title(String title) {
    if (renameThread == null) {
      return;
    }
    try {
      renameThread.accept(ThreadNames.of(title));
    } catch (RuntimeException e) {
      LOG.info("Could not rename the thread on Discord: {}", e.toString());
    }
  }

  private void show(List<String> parts, boolean last) {
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i >= messageIds.size()) {
        messageIds.add(target.post(part, i));
        shown.add(part);
      } else if (!part.equals(shown.get(i))) {
        messageIds.set(i, target.edit(messageIds.get(i), part));
        shown.set(i, part);
      }
    }
    if (last) {
      while (messageIds.size() > parts.size()) {
        target.delete(messageIds.removeLast());
        shown.removeLast();
      }
    }
  }

  /** The first message's real id, or null while it is still a deferred interaction reply. */
  private String firstMessageId() {
    String first = messageIds.isEmpty() ? null : messageIds.getFirst();
    return HookTarget.ORIGINAL.equals(first) ? null : first;
  }
}
