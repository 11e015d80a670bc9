package dev.cria.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReplyPort} promises the core, run against each chat adapter over its platform's
 * fake (like persistence's RepositoryContract on H2 and PostgreSQL): an answer ends as exactly the
 * messages that hold it, split within the platform's limit; the message id the core records lets a
 * later attempt edit that message instead of posting a second answer; model output pings nobody.
 */
public abstract class ReplyContract {

  /** Opens the first attempt at a reply in the test's conversation. */
  protected abstract Reply open();

  /** Opens a later attempt that resumes the message an earlier one recorded. */
  protected abstract Reply resume(String messageId);

  /** What the conversation shows from Cria now, one entry per message, oldest first. */
  protected abstract List<String> shown();

  /** The longest message the platform takes. */
  protected abstract int maxLength();

  /** Fails when anything the adapter sent could notify a crowd (@everyone, @channel, @here). */
  protected abstract void assertNoBroadcastPings();

  @Test
  void anAnswerStreamedThenFinishedEndsAsOneMessageWithTheFinalText() {
    Reply reply = open();
    reply.start();
    reply.update("Crias are");
    reply.update("Crias are baby");
    String id = reply.finish("Crias are baby llamas.");

    assertNotNull(id, "finish names the message holding the answer");
    assertEquals(List.of("Crias are baby llamas."), shown());
  }

  @Test
  void theMessageIdOnceTheAnswerShowsIsTheOneFinishWritesInto() {
    Reply reply = open();
    reply.start();
    reply.update("Half an answer");
    String recorded = reply.messageId();

    assertNotNull(recorded, "the core records this id for recovery");
    assertEquals(recorded, reply.finish("Half an answer, then the rest."));
  }

  @Test
  void aLaterAttemptEditsTheRecordedMessageInsteadOfPostingASecondAnswer() {
    Reply crashed = open();
    crashed.start();
    crashed.update("Half an answer");
    String recorded = crashed.messageId();

    Reply again = resume(recorded);
    again.start();
    String id = again.finish("The whole answer.");

    assertEquals(recorded, id);
    assertEquals(List.of("The whole answer."), shown());
  }

  @Test
  void aLongAnswerIsSplitIntoMessagesWithinThePlatformsLimit() {
    String paragraph = "A cria is a baby llama, and it stays close to its mother. ";
    String answer = (paragraph.repeat(20) + "\n\n").repeat(1 + 3 * maxLength() / 1200).strip();
    Reply reply = open();
    reply.start();
    reply.update(answer.substring(0, 200));
    reply.finish(answer);

    List<String> messages = shown();
    assertTrue(messages.size() > 1, messages.size() + " message(s)");
    for (String message : messages) {
      assertTrue(message.length() <= maxLength(), message.length() + " characters");
    }
    assertEquals(words(answer), words(String.join(" ", messages)), "nothing lost or repeated");
  }

  @Test
  void aFailureReplacesWhatWasShownSoFar() {
    Reply reply = open();
    reply.start();
    reply.update("Crias are");
    reply.fail("Sorry, something went wrong (error id 7f3a).");

    assertEquals(List.of("Sorry, something went wrong (error id 7f3a)."), shown());
  }

  @Test
  void modelOutputPingsNobody() {
    Reply reply = open();
    reply.start();
    reply.update("Hey @everyone");
    reply.finish("Hey @everyone and @channel and @here, crias are baby llamas.");

    assertNoBroadcastPings();
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }
}
