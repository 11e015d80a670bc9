package dev.cria.discord;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * An interaction's webhook: the deferred reply ({@code @original}) takes the first part of the
 * answer, follow-up messages take the rest. Valid for 15 minutes after the command.
 */
final class HookTarget implements MessageTarget {

  static final String ORIGINAL = "@original";
  static final int UNLIMITED = Integer.MAX_VALUE;

  private final InteractionHook hook;
  private final int maxMessages;
  private final boolean followUp;

  HookTarget(InteractionHook hook) {
    this(hook, UNLIMITED);
  }

  HookTarget(InteractionHook hook, int maxMessages) {
    this(hook, maxMessages, false);
  }

  /**
   * @param maxMessages how many messages an answer may take here ({@link
   *     InstallContext#WEBHOOK_MESSAGES} where Cria is installed to the user only)
   * @param followUp the answer starts in a new follow-up message, not in {@code @original}
   */
  HookTarget(InteractionHook hook, int maxMessages, boolean followUp) {
    this.hook = hook;
    this.maxMessages = maxMessages;
    this.followUp = followUp;
  }

  @Override
  public int maxMessages() {
    return maxMessages;
  }

  @Override
  public String existingMessage() {
    return followUp ? null : ORIGINAL;
  }

  @Override
  public String post(String content, int part) {
    return hook.sendMessage(OutgoingMessages.create(content)).complete().getId();
  }

  @Override
  public String edit(String messageId, String content) {
    return hook.editMessageById(messageId, OutgoingMessages.edit(content)).complete().getId();
  }

  @Override
  public void addButtons(String messageId, String content, String answerMessageId) {
    hook.editMessageById(messageId, OutgoingMessages.edit(content, answerMessageId)).complete();
  }

  @Override
  public void addRow(String messageId, String content, ActionRow row) {
    hook.editMessageById(messageId, OutgoingMessages.edit(content, row)).complete();
  }

  @Override
  public String editDisplay(String messageId, String text, String answerMessageId) {
    return hook.editMessageById(messageId, OutgoingMessages.display(text, answerMessageId))
        .complete()
        .getId();
  }

  @Override
  public String postDisplay(String text, int part, String answerMessageId) {
    return hook.sendMessage(OutgoingMessages.createDisplay(text, answerMessageId))
        .complete()
        .getId();
  }

  @Override
  public String embed(String messageId, MessageEmbed embed) {
    return messageId == null
        ? hook.sendMessage(OutgoingMessages.create(embed)).complete().getId()
        : hook.editMessageById(messageId, OutgoingMessages.edit(embed)).complete().getId();
  }

  @Override
  public void delete(String messageId) {
    hook.deleteMessageById(messageId).complete();
  }
}
