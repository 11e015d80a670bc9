package dev.cria.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Addressing;
import dev.cria.chat.Attachment;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The addressing rules, one row per case, as every platform's adapter hands them over. */
class AddressingRulesTest {

  private static final ConversationKey DM = ConversationKey.of(Platform.DISCORD, "@me", "D1");
  private static final ConversationKey CRIAS_THREAD =
      new ConversationKey(Platform.SLACK, "T1", "C1", "1700000000.000100");
  private static final ConversationKey OTHER_THREAD =
      new ConversationKey(Platform.SLACK, "T1", "C1", "1700000000.000900");
  private static final ConversationKey MENTION_IN_CHANNEL =
      new ConversationKey(Platform.DISCORD, "G1", "C1", "3000");
  private static final ConversationKey CHAIN =
      new ConversationKey(Platform.DISCORD, "G1", "C1", "1000");

  /** Cria took part in CRIAS_THREAD and wrote message 4000 in CHAIN. */
  private final Memory memory = new Memory(Set.of(CRIAS_THREAD, CHAIN), Map.of("4000", CHAIN));

  private final AddressingRules rules = new AddressingRules(memory);

  /** What the store would answer, counting the questions. */
  private record Memory(
      Set<ConversationKey> active, Map<String, ConversationKey> answers, AtomicInteger asked)
      implements AddressingRules.Memory {

    Memory(Set<ConversationKey> active, Map<String, ConversationKey> answers) {
      this(active, answers, new AtomicInteger());
    }

    @Override
    public boolean isActive(ConversationKey conversation) {
      asked.incrementAndGet();
      return active.contains(conversation);
    }

    @Override
    public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
      asked.incrementAndGet();
      return Optional.ofNullable(answers.get(messageId)).filter(key -> key.platform() == platform);
    }
  }

  private static final Attachment IMAGE = new Attachment("cat.png", "image/png", 10, "https://x");
  private static final Addressing PLAIN_IN_CHANNEL = Addressing.inChannel(false, null);

  /** What the adapter hands over, and the conversation Cria answers in (null: not answered). */
  static Stream<Arguments> cases() {
    return Stream.of(
        row("a DM", DM, Addressing.direct(), human(), "hi", List.of(), DM, false),
        row("a bare DM asks for help", DM, Addressing.direct(), human(), "", List.of(), DM, true),
        row("an image in a DM", DM, Addressing.direct(), human(), "", List.of(IMAGE), DM, false),
        row("a bot's DM", DM, Addressing.direct(), bot(), "hi", List.of(), null, false),
        row(
            "a mention in a channel",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, null),
            human(),
            "hi",
            List.of(),
            MENTION_IN_CHANNEL,
            false),
        row(
            "a bare mention asks for help",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, null),
            human(),
            "",
            List.of(),
            MENTION_IN_CHANNEL,
            true),
        row(
            "an image with a mention and no text is a question about it",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, null),
            human(),
            " ",
            List.of(IMAGE),
            MENTION_IN_CHANNEL,
            false),
        row(
            "a bot's mention",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, null),
            bot(),
            "hi",
            List.of(),
            null,
            false),
        row(
            "channel chatter",
            MENTION_IN_CHANNEL,
            PLAIN_IN_CHANNEL,
            human(),
            "lunch?",
            List.of(),
            null,
            false),
        row(
            "a reply to Cria's message continues its conversation",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(false, "4000"),
            human(),
            "and alpacas?",
            List.of(),
            CHAIN,
            false),
        row(
            "a reply to Cria that mentions it still continues the chain",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, "4000"),
            human(),
            "and alpacas?",
            List.of(),
            CHAIN,
            false),
        row(
            "a reply to someone else that mentions Cria starts its own",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(true, "5555"),
            human(),
            "hi",
            List.of(),
            MENTION_IN_CHANNEL,
            false),
        row(
            "a reply to someone else",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(false, "5555"),
            human(),
            "hi",
            List.of(),
            null,
            false),
        row(
            "a bot's reply to Cria",
            MENTION_IN_CHANNEL,
            Addressing.inChannel(false, "4000"),
            bot(),
            "hi",
            List.of(),
            null,
            false),
        row(
            "a follow-up in Cria's thread",
            CRIAS_THREAD,
            Addressing.inThread(false),
            human(),
            "go on",
            List.of(),
            CRIAS_THREAD,
            false),
        row(
            "an image alone in Cria's thread is a question about it",
            CRIAS_THREAD,
            Addressing.inThread(false),
            human(),
            "",
            List.of(IMAGE),
            CRIAS_THREAD,
            false),
        row(
            "an empty follow-up (no Message Content intent) is not answered",
            CRIAS_THREAD,
            Addressing.inThread(false),
            human(),
            "",
            List.of(),
            null,
            false),
        row(
            "a message in someone else's thread",
            OTHER_THREAD,
            Addressing.inThread(false),
            human(),
            "go on",
            List.of(),
            null,
            false),
        row(
            "a mention in someone else's thread",
            OTHER_THREAD,
            Addressing.inThread(true),
            human(),
            "hi",
            List.of(),
            OTHER_THREAD,
            false),
        row(
            "a bare mention in a thread asks for help",
            OTHER_THREAD,
            Addressing.inThread(true),
            human(),
            "",
            List.of(),
            OTHER_THREAD,
            true),
        row(
            "a bot in Cria's thread",
            CRIAS_THREAD,
            Addressing.inThread(false),
            bot(),
            "go on",
            List.of(),
            null,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesWhoCriaAnswers(
      String name,
      ConversationKey named,
      Addressing addressing,
      Author author,
      String text,
      List<Attachment> attachments,
      ConversationKey answeredIn,
      boolean help) {
    ChatEvent event =
        new ChatEvent(
            named,
            "e1",
            "m1",
            author,
            text,
            null,
            Instant.EPOCH,
            "address",
            attachments,
            addressing);

    Optional<ChatEvent> taken = rules.forCria(event);

    assertEquals(Optional.ofNullable(answeredIn), taken.map(ChatEvent::conversation), name);
    taken.ifPresent(
        it -> {
          assertEquals(help ? new Command.Help() : null, it.command(), name);
          assertEquals(event.eventId(), it.eventId());
          assertEquals(event.text(), it.text());
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void anEditBelongsToTheConversationItsMessageIsIn(
      String name, ConversationKey named, Addressing addressing, ConversationKey expected) {
    assertEquals(expected, rules.conversationOf(named, addressing), name);
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("a DM", DM, Addressing.direct(), DM),
        Arguments.of(
            "a reply to Cria", MENTION_IN_CHANNEL, Addressing.inChannel(false, "4000"), CHAIN),
        Arguments.of(
            "a mention", MENTION_IN_CHANNEL, Addressing.inChannel(true, null), MENTION_IN_CHANNEL),
        Arguments.of("a thread message", CRIAS_THREAD, Addressing.inThread(false), CRIAS_THREAD));
  }

  @Test
  void aCommandWithoutTextStaysThatCommand() {
    ChatEvent reset =
        new ChatEvent(DM, "e2", "m2", human(), "", new Command.Reset(), Instant.EPOCH, "address");

    assertEquals(new Command.Reset(), rules.forCria(reset).orElseThrow().command());
  }

  @Test
  void aFollowUpThatSaysNothingIsDecidedWithoutALookup() {
    int asked = memory.asked().get();
    ChatEvent chatter =
        new ChatEvent(
            MENTION_IN_CHANNEL,
            "e3",
            "m3",
            human(),
            "lunch?",
            null,
            Instant.EPOCH,
            "address",
            List.of(),
            PLAIN_IN_CHANNEL);
    ChatEvent blank =
        new ChatEvent(
            CRIAS_THREAD,
            "e4",
            "m4",
            human(),
            "",
            null,
            Instant.EPOCH,
            "address",
            List.of(),
            Addressing.inThread(false));

    assertTrue(rules.forCria(chatter).isEmpty());
    assertTrue(rules.forCria(blank).isEmpty());
    assertEquals(asked, memory.asked().get(), "chatter and blank messages cost no database lookup");
  }

  private static Arguments row(
      String name,
      ConversationKey named,
      Addressing addressing,
      Author author,
      String text,
      List<Attachment> attachments,
      ConversationKey answeredIn,
      boolean help) {
    return Arguments.of(name, named, addressing, author, text, attachments, answeredIn, help);
  }

  private static Author human() {
    return Author.human("U1", "Ada");
  }

  private static Author bot() {
    return new Author("B1", "a bot", true);
  }
}
