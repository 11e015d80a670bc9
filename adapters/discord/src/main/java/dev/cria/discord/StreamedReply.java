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
  static final String CUT_NOTICE =
      "*(Cut here: Discord lets Cria send only "
          + InstallContext.WEBHOOK_MESSAGES
          + " messages for a command where it is installed to your account. Ask for the rest.)*";

  private final MessageTarget target;
  private final boolean componentsV2;
  private final Consumer<String> renameThread;
  private final List<String> messageIds = new ArrayList<>();

  /** What each message shows; null when unknown (a message an earlier attempt posted). */
  private final List<String> shown = new ArrayList<>();

  /**
   * @param resumeMessageId the first message of an earlier attempt at this answer, or null
   */
  StreamedReply(MessageTarget target, String resumeMessageId) {
    this(target, resumeMessageId, false, null);
  }

  StreamedReply(MessageTarget target, String resumeMessageId, boolean componentsV2) {
    this(target, resumeMessageId, componentsV2, null);
  }

  /**
   * @param componentsV2 whether the model's final answer is laid out with Components V2 ({@code
   *     DISCORD_COMPONENTS_V2}): text displays of 4,000 characters with the buttons beneath
   * @param renameThread renames the thread {@code /chat} opened for this conversation, or null
   *     where the answer is not in such a thread
   */
  StreamedReply(
      MessageTarget target,
      String resumeMessageId,
      boolean componentsV2,
      Consumer<String> renameThread) {
    this.target = target;
    this.componentsV2 = componentsV2;
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
      show(parts(textSoFar, OutgoingMessages.MAX_LENGTH), false);
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
    show(parts(answer, OutgoingMessages.MAX_LENGTH), true);
    return firstMessageId();
  }

  /**
   * The model's answer: as {@link #finish}, then the 👍/👎 buttons under its last message. A failed
   * button edit is logged: the answer itself is delivered.
   */
  @Override
  public synchronized String answer(String text) {
    if (componentsV2) {
      return answerAsDisplays(text == null || text.isBlank() ? EMPTY_ANSWER : text);
    }
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
   * A confirmation request: as {@link #finish}, then Run and Cancel under its last message ({@link
   * ConfirmButtons}). Without the buttons the request cannot be answered, so a failed edit fails.
   */
  @Override
  public synchronized String confirm(String text, String pendingId) {
    String first = finish(text);
    target.addRow(messageIds.getLast(), shown.getLast(), ConfirmButtons.row(pendingId));
    return first;
  }

  /**
   * The answer in Components V2 messages of up to 4,000 characters each, the buttons under the
   * last: the messages the progress updates wrote are edited into text displays (the first one
   * takes the answer's start, as without V2), further ones posted, extra ones deleted. A message
   * cannot go back from V2, so every later edit of it is a display too.
   */
  private String answerAsDisplays(String text) {
    List<String> parts = parts(text, OutgoingMessages.MAX_DISPLAY_LENGTH);
    String buttonsFor = null;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      buttonsFor = i == parts.size() - 1 ? firstMessageId() : null;
      if (i < messageIds.size()) {
        messageIds.set(i, target.editDisplay(messageIds.get(i), part, buttonsFor));
        shown.set(i, part);
      } else {
        messageIds.add(target.postDisplay(part, i, buttonsFor));
        shown.add(part);
      }
    }
    while (messageIds.size() > parts.size()) {
      target.delete(messageIds.removeLast());
      shown.removeLast();
    }
    if (buttonsFor == null) {
      // The first message's id was not known yet (a deferred reply's @original, or a post).
      try {
        target.editDisplay(messageIds.getLast(), parts.getLast(), firstMessageId());
      } catch (RuntimeException e) {
        LOG.warn("Could not add feedback buttons on Discord: {}", e.toString());
      }
    }
    return firstMessageId();
  }

  /**
   * The text in messages of at most {@code limit} characters, folded into the target's {@link
   * MessageTarget#maxMessages()}: the last one allowed is cut (its code blocks closed) and says so.
   */
  private List<String> parts(String text, int limit) {
    List<String> parts = MessageChunker.split(text, limit);
    int max = target.maxMessages();
    if (parts.size() <= max) {
      return parts;
    }
    List<String> folded = new ArrayList<>(parts.subList(0, max));
    String cut = MessageChunker.split(folded.getLast(), limit - CUT_NOTICE.length() - 2).getFirst();
    folded.set(max - 1, cut + "\n\n" + CUT_NOTICE);
    return folded;
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
