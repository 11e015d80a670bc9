package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an answer is laid out over Discord messages while it streams and when it is done. */
class StreamedReplyTest {

  /** A channel that keeps its messages in memory and logs each operation. */
  static class RecordingTarget implements MessageTarget {
    final Map<String, String> messages = new LinkedHashMap<>();
    final List<String> operations = new ArrayList<>();
    private final String existing;
    private int nextId = 100;

    RecordingTarget(String existing) {
      this.existing = existing;
      if (existing != null) {
        messages.put(existing, "");
      }
    }

    @Override
    public String existingMessage() {
      return existing;
    }

    @Override
    public String post(String content, int part) {
      String id = String.valueOf(nextId++);
      messages.put(id, content);
      operations.add("post " + id + (part == 0 ? " first" : ""));
      return id;
    }

    @Override
    public String edit(String messageId, String content) {
      String id = messageId.equals(HookTarget.ORIGINAL) ? "1" : messageId;
      messages.remove(messageId);
      messages.put(id, content);
      operations.add("edit " + id);
      return id;
    }

    @Override
    public void delete(String messageId) {
      messages.remove(messageId);
      operations.add("delete " + messageId);
    }

    @Override
    public String embed(String messageId, net.dv8tion.jda.api.entities.MessageEmbed embed) {
      operations.add("embed " + messageId + " " + embed.getTitle());
      return messageId == null ? "m-embed" : messageId;
    }

    @Override
    public void addButtons(String messageId, String content, String answerMessageId) {
      operations.add("buttons " + messageId + " for " + answerMessageId);
    }

    @Override
    public void addRow(
        String messageId, String content, net.dv8tion.jda.api.components.actionrow.ActionRow row) {
      operations.add("row " + messageId);
    }

    @Override
    public String editDisplay(String messageId, String text, String answerMessageId) {
      String id = messageId.equals(HookTarget.ORIGINAL) ? "1" : messageId;
      messages.remove(messageId);
      messages.put(id, text);
      operations.add(
          "display " + id + (answerMessageId == null ? "" : " buttons " + answerMessageId));
      return id;
    }

    @Override
    public String postDisplay(String text, int part, String answerMessageId) {
      String id = String.valueOf(nextId++);
      messages.put(id, text);
      operations.add(
          "post display " + id + (answerMessageId == null ? "" : " buttons " + answerMessageId));
      return id;
    }

    List<String> contents() {
      return List.copyOf(messages.values());
    }
  }

  @Test
  void withComponentsV2AnAnswerOf3500CharactersIsOneTextDisplayWithItsButtons() {
    RecordingTarget channel = new RecordingTarget(null);
    StreamedReply reply = new StreamedReply(channel, null, true);
    String answer = "llama ".repeat(583).strip(); // 3,497 characters: two messages without V2

    reply.start();
    reply.update(answer);
    String first = reply.answer(answer);

    assertEquals("100", first);
    assertEquals(
        List.of("post 100 first", "edit 100", "post 101", "display 100 buttons 100", "delete 101"),
        channel.operations);
    assertEquals(List.of(answer), channel.contents());
  }

  @Test
  void withComponentsV2ADeferredReplyLearnsItsIdBeforeItsButtons() {
    RecordingTarget hook = new RecordingTarget(HookTarget.ORIGINAL);
    StreamedReply reply = new StreamedReply(hook, null, true);

    reply.start();
    assertEquals("1", reply.answer("Done."));
    assertEquals(List.of("display 1", "display 1 buttons 1"), hook.operations);
  }

  @Test
  void aChannelAnswerStartsWithAPlaceholderReplyAndReplacesIt() {
    RecordingTarget channel = new RecordingTarget(null);
    StreamedReply reply = new StreamedReply(channel, null);

    String placeholder = reply.start();
    reply.update("Llamas");
    reply.update("Llamas hum.");
    String first = reply.finish("Llamas hum.");

    assertEquals("100", placeholder);
    assertEquals(placeholder, first);
    assertEquals(List.of("post 100 first", "edit 100", "edit 100"), channel.operations);
    assertEquals(List.of("Llamas hum."), channel.contents());
  }

  @Test
  void anInteractionAnswerFillsTheDeferredReply() {
    RecordingTarget hook = new RecordingTarget(HookTarget.ORIGINAL);
    StreamedReply reply = new StreamedReply(hook, null);

    assertNull(reply.start());
    assertEquals("1", reply.finish("Done."));
    assertEquals(List.of("edit 1"), hook.operations);
  }

  @Test
  void aLongAnswerContinuesInFollowUpsWithCodeBlocksIntact() {
    RecordingTarget hook = new RecordingTarget(HookTarget.ORIGINAL);
    StreamedReply reply = new StreamedReply(hook, null);
    StringBuilder answer = new StringBuilder("Here is the program:\n\n```java\n");
    for (int i = 0; i < 150; i++) {
      answer.append("System.out.println(\"llama number ").append(i).append("\");\n");
    }
    answer.append("```\n\nThat prints 150 llamas.");

    reply.start();
    for (int end = 500; end < answer.length(); end += 500) {
      reply.update(answer.substring(0, end));
    }
    reply.finish(answer.toString());

    List<String> parts = hook.contents();
    assertTrue(parts.size() >= 3, parts.size() + " messages");
    for (String part : parts) {
      assertTrue(part.length() <= 2000, "a message of " + part.length());
      assertEquals(0, part.lines().filter(line -> line.startsWith("```")).count() % 2, part);
    }
    assertTrue(parts.get(1).startsWith("```java\n"));
    assertEquals(
        answer.toString().lines().filter(line -> line.startsWith("System")).count(),
        String.join("\n", parts).lines().filter(line -> line.startsWith("System")).count());
    assertTrue(parts.getLast().endsWith("That prints 150 llamas."));
  }

  @Test
  void onlyTheMessageThatChangedIsEdited() {
    RecordingTarget channel = new RecordingTarget(null);
    StreamedReply reply = new StreamedReply(channel, null);
    String paragraph = "word ".repeat(300).strip();

    reply.start();
    reply.update(paragraph + "\n\n" + paragraph);
    channel.operations.clear();
    reply.update(paragraph + "\n\n" + paragraph + " more");

    assertEquals(List.of("edit 101"), channel.operations);
  }

  @Test
  void aShorterFinalTextDeletesTheMessagesItNoLongerNeeds() {
    RecordingTarget channel = new RecordingTarget(null);
    StreamedReply reply = new StreamedReply(channel, null);
    String paragraph = "word ".repeat(300).strip();

    reply.start();
    reply.update(String.join("\n\n", paragraph, paragraph, paragraph));
    reply.fail("I can't help with that.");

    assertEquals(List.of("I can't help with that."), channel.contents());
    assertTrue(channel.operations.contains("delete 102"));
    assertTrue(channel.operations.contains("delete 101"));
  }

  @Test
  void aResumedAnswerEditsTheMessageTheEarlierAttemptPosted() {
    RecordingTarget channel = new RecordingTarget(null);
    channel.messages.put("77", "Half an ans");
    StreamedReply reply = new StreamedReply(channel, "77");

    assertEquals("77", reply.start());
    assertEquals("77", reply.finish("A whole answer."));
    assertEquals(List.of("edit 77"), channel.operations);
  }

  @Test
  void anEmptyAnswerStillSaysSomething() {
    RecordingTarget channel = new RecordingTarget(null);
    StreamedReply reply = new StreamedReply(channel, null);

    reply.start();
    reply.update("   ");
    reply.finish("");

    assertEquals(List.of(StreamedReply.EMPTY_ANSWER), channel.contents());
  }

  @Test
  void aFailedProgressiveEditIsSkippedAndTheFinalTextPutsItRight() {
    RecordingTarget channel =
        new RecordingTarget(null) {
          private boolean failed;

          @Override
          public String edit(String messageId, String content) {
            if (!failed) {
              failed = true;
              throw new IllegalStateException("429 for too long");
            }
            return super.edit(messageId, content);
          }
        };
    StreamedReply reply = new StreamedReply(channel, null);

    reply.start();
    reply.update("Half");
    reply.finish("Whole.");

    assertEquals(List.of("Whole."), channel.contents());
  }
}
