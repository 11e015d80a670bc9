package dev.cria.core;

import dev.cria.chat.Reply;
import java.util.function.Consumer;

/**
 * The reply of a Regenerate, which writes into the message of the answer it replaces. When no new
 * answer comes (a quota, the breaker, moderation, a model failure, a Stop before any text), the
 * presser is told privately and the message shows the old answer again, buttons included, so it
 * still matches the history (which keeps the old answer) and can be regenerated once more.
 */
final class RegenerateReply implements Reply {

  private final Reply reply;
  private final String oldAnswer;
  private final Consumer<String> tellPrivately;
  private boolean changed;

  RegenerateReply(Reply reply, String oldAnswer, Consumer<String> tellPrivately) {
    this.reply = reply;
    this.oldAnswer = oldAnswer;
    this.tellPrivately = tellPrivately;
  }

  @Override
  public String start() {
    return reply.start();
  }

  @Override
  public void update(String textSoFar) {
    changed = true;
    reply.update(textSoFar);
  }

  @Override
  public String messageId() {
    return reply.messageId();
  }

  @Override
  public boolean stopped() {
    return reply.stopped();
  }

  @Override
  public String answer(String text) {
    return reply.answer(text);
  }

  /** Only a Stop before any text finishes a Regenerate this way: nothing new to show. */
  @Override
  public String finish(String text) {
    return fail(text);
  }

  @Override
  public String fail(String text) {
    tellPrivately.accept(text);
    return changed ? reply.answer(oldAnswer) : reply.messageId();
  }
}
