package dev.cria.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.core.ConversationStore;
import dev.cria.core.PendingToolCall;
import dev.cria.core.PendingToolCalls;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same repository tests, run on H2 and on PostgreSQL by the two subclasses. */
abstract class RepositoryContract {

  private static final String KEY = "slack:T1:C1:1700000000.000100";
  private static final List<String> SLACK = List.of("slack");

  ApplicationContext context;
  InboundEventRepository events;
  ChatMessageRepository messages;
  ConversationSettingsRepository settings;
  ModerationDecisionRepository moderation;

  abstract Map<String, Object> datasourceProperties();

  void cleanUp() {}

  @BeforeEach
  void start() {
    context = ApplicationContext.run(datasourceProperties());
    events = context.getBean(InboundEventRepository.class);
    messages = context.getBean(ChatMessageRepository.class);
    settings = context.getBean(ConversationSettingsRepository.class);
    moderation = context.getBean(ModerationDecisionRepository.class);
  }

  @AfterEach
  void stop() {
    context.close();
    cleanUp();
  }

  @Test
  void aPendingToolCallIsStoredAndDecidedOnce() {
    PendingToolCalls pending = context.getBean(PendingToolCalls.class);
    Instant created = now().truncatedTo(ChronoUnit.MILLIS);
    String id = UUID.randomUUID().toString();
    pending.save(
        new PendingToolCall(
            id,
            ConversationKey.parse(KEY),
            42,
            "U1",
            "jira__create_issue",
            "{\"summary\":\"Düsseldorf\"}",
            created,
            null,
            null));

    PendingToolCall found = pending.find(id).orElseThrow();
    assertEquals(KEY, found.conversation().toString());
    assertEquals(42, found.eventSeq());
    assertEquals("U1", found.askerId());
    assertEquals("jira__create_issue", found.toolName());
    assertEquals("{\"summary\":\"Düsseldorf\"}", found.argumentsJson());
    assertEquals(created, found.createdAt());
    assertEquals(null, found.decision());
    assertTrue(pending.decide(id, PendingToolCall.RUN, created.plusSeconds(5)));
    assertFalse(pending.decide(id, PendingToolCall.CANCEL, created.plusSeconds(6)), "decided");
    PendingToolCall decided = pending.find(id).orElseThrow();
    assertEquals(PendingToolCall.RUN, decided.decision());
    assertEquals(created.plusSeconds(5), decided.decidedAt());
    assertTrue(pending.find(UUID.randomUUID().toString()).isEmpty());
    assertFalse(pending.decide("no-such-id", PendingToolCall.RUN, created), "unknown id");

    context.getBean(ConversationStore.class).purgeBefore(created.plusSeconds(1));
    assertTrue(pending.find(id).isEmpty(), "purged with the turns of its time");
  }

  @Test
  void theSameEventCannotBeStoredTwice() {
    events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now()));

    assertTrue(events.existsByPlatformAndEventId("slack", "Ev1"));
    assertThrows(
        RuntimeException.class,
        () -> events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())));
    assertEquals(1, events.count());
  }

  @Test
  void onlyTheOldestOpenEventOfAConversationCanBeClaimed() {
    long first = events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())).id();
    long second = events.save(InboundEventRow.pending("slack", "Ev2", KEY, "{}", now())).id();
    long other =
        events.save(InboundEventRow.pending("slack", "Ev3", "slack:T1:C2", "{}", now())).id();

    assertEquals(List.of(first, other), events.findClaimable(now(), SLACK, 10));
    assertEquals(0, events.claim(second, "a", now().plusSeconds(60), now()));
    assertEquals(1, events.claim(first, "a", now().plusSeconds(60), now()));
    assertEquals(0, events.claim(first, "b", now().plusSeconds(60), now()), "claimed twice");
    assertEquals(List.of(other), events.findClaimable(now(), SLACK, 10));

    assertEquals(1, events.finish(first, "a", InboundEventRow.DONE, now(), null));
    assertEquals(List.of(second, other), events.findClaimable(now(), SLACK, 10));
  }

  @Test
  void anAuthorsEventWaitsInTheQueueWhileTheirLimitOfOpenOnesIsReached() {
    long first = threadEvent("Ev1", "C1", "U1");
    long second = threadEvent("Ev2", "C2", "U1");
    long third = threadEvent("Ev3", "C3", "U1");
    long otherUser = threadEvent("Ev4", "C4", "U2");

    assertEquals(
        List.of(first, second, otherUser),
        events.findClaimableWithinAuthorLimit(now(), SLACK, 2, 10));
    assertEquals(1, events.claim(first, "a", now().plusSeconds(60), now()));
    assertEquals(1, events.claim(second, "a", now().plusSeconds(60), now()));
    assertEquals(List.of(otherUser), events.findClaimableWithinAuthorLimit(now(), SLACK, 2, 10));

    assertEquals(1, events.finish(first, "a", InboundEventRow.DONE, now(), null));
    assertEquals(
        List.of(third, otherUser), events.findClaimableWithinAuthorLimit(now(), SLACK, 2, 10));
    assertEquals(
        List.of(third, otherUser), events.findClaimable(now(), SLACK, 10), "no limit without one");
  }

  private long threadEvent(String eventId, String channel, String author) {
    return events
        .save(
            InboundEventRow.pending(
                "slack", eventId, "slack:T1:" + channel, author, "{}", null, now()))
        .id();
  }

  @Test
  void onlyEventsOfTheAskedPlatformsAreClaimable() {
    long slack = events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())).id();
    events.save(InboundEventRow.pending("discord", "Ev1", "discord:G1:C1", "{}", now()));

    assertEquals(List.of(slack), events.findClaimable(now(), SLACK, 10));
    assertEquals(2, events.findClaimable(now(), List.of("slack", "discord"), 10).size());
  }

  @Test
  void leasesAreRenewedForEveryEventOfTheirOwner() {
    long id = events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())).id();
    events.claim(id, "a", now().plusSeconds(1), now());

    assertEquals(1, events.renewAll("a", now().plusSeconds(600)));
    assertEquals(0, events.renewAll("b", now().plusSeconds(600)));
    assertTrue(events.findClaimable(now().plusSeconds(30), SLACK, 10).isEmpty());
  }

  @Test
  void finishingAnEventErasesItsReplyAddress() {
    long id =
        events
            .save(
                InboundEventRow.pending(
                    "discord", "Ev1", KEY, "U1", "{}", "interaction-token", now()))
            .id();
    events.claim(id, "a", now().plusSeconds(60), now());

    assertEquals("interaction-token", events.findById(id).orElseThrow().replyAddress());
    events.finish(id, "a", InboundEventRow.DONE, now(), null);
    assertEquals(null, events.findById(id).orElseThrow().replyAddress());
  }

  @Test
  void anExpiredLeaseCanBeTakenOver() {
    long id = events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())).id();
    Instant past = now().minusSeconds(120);
    assertEquals(1, events.claim(id, "crashed", past.plusSeconds(60), past));

    assertEquals(List.of(id), events.findClaimable(now(), SLACK, 10));
    assertEquals(1, events.claim(id, "b", now().plusSeconds(60), now()));
    assertEquals(0, events.finish(id, "crashed", InboundEventRow.DONE, now(), null));
    assertEquals(2, events.findById(id).orElseThrow().attempts());
  }

  @Test
  void historyIsReadNewestFirstUpToAnEvent() {
    for (int seq = 1; seq <= 5; seq++) {
      messages.save(message(seq, ChatMessageRow.USER, "question " + seq, "m" + seq));
    }

    List<ChatMessageRow> newest = messages.findNewest(KEY, 4, 2);

    assertEquals(
        List.of("question 4", "question 3"), newest.stream().map(m -> m.content()).toList());
  }

  @Test
  void aChannelsHistoryIsReadAcrossItsThreadsNewestFirst() {
    messages.save(message(1, ChatMessageRow.USER, "in the first thread", "m1"));
    ChatMessageRow otherThread = message(2, ChatMessageRow.USER, "in another thread", "m2");
    messages.save(
        new ChatMessageRow(
            null,
            "slack:T1:C1:1700000000.000200",
            otherThread.eventSeq(),
            otherThread.role(),
            otherThread.content(),
            otherThread.authorId(),
            otherThread.authorName(),
            otherThread.requestedBy(),
            otherThread.channelKey(),
            otherThread.platformMessageId(),
            null,
            null,
            null,
            null,
            null,
            now(),
            null));
    messages.save(message(3, ChatMessageRow.USER, "after the summary was asked", "m3"));

    List<ChatMessageRow> newest = messages.findNewestInChannel("slack:T1:C1", 2, 10);

    assertEquals(
        List.of("in another thread", "in the first thread"),
        newest.stream().map(m -> m.content()).toList());
    assertEquals(List.of(), messages.findNewestInChannel("slack:T1:C2", 3, 10));
  }

  @Test
  void editsDeletesAndResetsChangeTheStoredTurns() {
    messages.save(message(1, ChatMessageRow.USER, "helo", "m1"));
    messages.save(message(2, ChatMessageRow.USER, "second", "m2"));
    messages.save(message(3, ChatMessageRow.USER, "third", "m3"));

    assertEquals(1, messages.updateContent(KEY, "m1", "hello"));
    assertEquals(1, messages.deleteByPlatformMessageId(KEY, "m2"));
    assertEquals(1, messages.deleteBefore(KEY, 3));

    List<ChatMessageRow> left = messages.findByConversationKeyOrderById(KEY);
    assertEquals(List.of("third"), left.stream().map(m -> m.content()).toList());
  }

  @Test
  void theWorkerNamesTheAuthorOfAUserTurnAndOfNoAnswer() {
    messages.save(message(1, ChatMessageRow.USER, "question", "m1"));
    messages.save(message(1, ChatMessageRow.ASSISTANT, "answer", "m2"));

    assertEquals(1, messages.updateAuthorName(1, "Ada Lovelace"));

    List<ChatMessageRow> rows = messages.findByConversationKeyOrderById(KEY);
    assertEquals("Ada Lovelace", rows.get(0).authorName());
    assertEquals("Ada", rows.get(1).authorName(), "an answer keeps what it had");
  }

  @Test
  void longAnswersAndNonAsciiTextRoundTrip() {
    String text = "Grüße 👋 " + "x".repeat(100_000);
    messages.save(message(1, ChatMessageRow.ASSISTANT, text, "m1"));

    assertEquals(text, messages.findNewest(KEY, 1, 1).getFirst().content());
  }

  @Test
  void usageCountsAnswersAndTokensPerUserAndChannel() {
    Instant since = now().minus(1, ChronoUnit.DAYS);
    messages.save(answer(1, "U1", 10, 5));
    messages.save(answer(2, "U1", 20, 5));
    messages.save(answer(3, "U2", 1, 1));

    assertEquals(2, messages.countAnswersFor("U1", since));
    assertEquals(40, messages.sumTokensFor("U1", since));
    assertEquals(3, messages.countAnswersInChannel("slack:T1:C1", since));
    assertEquals(42, messages.sumTokensInChannel("slack:T1:C1", since));
    assertEquals(0, messages.countAnswersFor("U1", now().plusSeconds(60)));
  }

  @Test
  void settingsAndModerationDecisionsAreStored() {
    settings.save(
        new ConversationSettingsRow(
            KEY, "Llama-3.3-70B-Instruct", "Be brief.", 0.2, 512, "U1", now()));
    moderation.save(
        new ModerationDecisionRow(
            null, KEY, 1, "input", true, "S7,S6", "llama-guard3:1b", "S6", now()));

    ConversationSettingsRow stored = settings.findById(KEY).orElseThrow();
    assertEquals("Be brief.", stored.systemPrompt());
    assertEquals(512, stored.maxCompletionTokens());
    ModerationDecisionRow decision = moderation.findByConversationKeyOrderById(KEY).getFirst();
    assertTrue(decision.flagged());
    assertEquals("S7,S6", decision.categories());
    assertEquals("llama-guard3:1b", decision.model());
    assertEquals("S6", decision.allowedCategories());
    assertFalse(settings.findById("slack:T1:C9").isPresent());
  }

  @Test
  void aSupersededAnswerLeavesTheHistoryAndItsMessage() {
    messages.save(message(1, ChatMessageRow.USER, "question", "q1"));
    long old = messages.save(answer(1, "U1", 5, 5)).id();
    messages.save(answer(2, "U1", 6, 6));

    assertEquals(1, messages.supersede(old, 2));
    assertEquals(0, messages.supersede(old, 3), "superseded once");

    List<ChatMessageRow> history = messages.findNewest(KEY, 10, 10);
    assertEquals(List.of(2L, 1L), history.stream().map(ChatMessageRow::eventSeq).toList());
    assertEquals(ChatMessageRow.USER, history.get(1).role());
    assertTrue(messages.findAnswerInMessage("a1").isEmpty(), "the old answer's message");
    assertEquals(2, messages.findAnswerInMessage("a2").orElseThrow().eventSeq());
    assertEquals(2, messages.countAnswersFor("U1", now().minusSeconds(60)), "usage counts both");
  }

  @Test
  void aStopIsRecordedOnTheConversationsClaimedEventOnly() {
    long claimed = events.save(InboundEventRow.pending("slack", "Ev1", KEY, "{}", now())).id();
    long waiting = events.save(InboundEventRow.pending("slack", "Ev2", KEY, "{}", now())).id();
    events.claim(claimed, "a", now().plusSeconds(60), now());

    assertEquals(1, events.requestStop(KEY, now()));
    assertEquals(1, events.countStopRequested(claimed));
    assertEquals(0, events.countStopRequested(waiting));
  }

  private static ChatMessageRow message(long seq, String role, String text, String platformId) {
    return new ChatMessageRow(
        null,
        KEY,
        seq,
        role,
        text,
        "U1",
        "Ada",
        "U1",
        "slack:T1:C1",
        platformId,
        null,
        null,
        null,
        null,
        null,
        now(),
        null);
  }

  private static ChatMessageRow answer(long seq, String user, int prompt, int completion) {
    return new ChatMessageRow(
        null,
        KEY,
        seq,
        ChatMessageRow.ASSISTANT,
        "answer",
        null,
        "Cria",
        user,
        "slack:T1:C1",
        "a" + seq,
        "m",
        "stop",
        prompt,
        completion,
        10L,
        now(),
        "v1");
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
