package dev.cria.discord;

import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/** A channel, thread or DM, where the answer is posted as Cria's own messages. */
final class ChannelTarget implements MessageTarget {

  private final MessageChannel channel;
  private final String replyTo;

  /**
   * @param replyTo the user's message the answer replies to, or null
   */
  ChannelTarget(MessageChannel channel, String replyTo) {
    this.channel = channel;
    this.replyTo = replyTo;
  }

  @Override
  public String existingMessage() {
    return null;
  }

  @Override
  public String post(String content, boolean first) {
    var action = channel.sendMessage(OutgoingMessages.create(content));
    if (first && replyTo != null) {
      // If the user deleted their message meanwhile, answer without the reply link.
      action = action.setMessageReference(replyTo).failOnInvalidReply(false);
    }
    return action.complete().getId();
  }

  @Override
  public String edit(String messageId, String content) {
    return channel.editMessageById(messageId, OutgoingMessages.edit(content)).complete().getId();
  }

  @Override
  public void delete(String messageId) {
    channel.deleteMessageById(messageId).complete();
  }
}
