package dev.cria.discord.fuzz;

import dev.cria.chat.ChatEvent;
import dev.cria.discord.ChannelPlace;
import dev.cria.discord.DiscordEventMapper;
import dev.cria.fakes.FakeDiscordPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.DataType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property tests of {@link DiscordEventMapper}: the recorded gateway payloads ({@code
 * MESSAGE_CREATE}, {@code INTERACTION_CREATE}) with fields removed or replaced by arbitrary values.
 * Whatever it is given, the mapper returns a decision or throws its documented {@link
 * IllegalArgumentException}.
 */
class DiscordEventMapperFuzzTest {

  private static final String SELF = FakeDiscordPayloads.SELF_ID;

  /** One change to a payload: the n-th field (modulo their number) removed or replaced. */
  record Mutation(int field, boolean remove, Object value) {}

  @Property(tries = 1500)
  void mutatedMessagesMapOrFailAsDocumented(
      @ForAll("messages") String fixture,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll("places") ChannelPlace place) {
    DataObject message = mutated(fixture, mutations);
    DiscordEventMapper mapper = new DiscordEventMapper();
    try {
      Optional<ChatEvent> event = mapper.message(message, place, SELF);
      if (event == null) {
        throw new AssertionError("no decision for " + message);
      }
      DiscordEventMapper.conversationNamed(message, place);
      DiscordEventMapper.addressing(message, place, SELF);
    } catch (IllegalArgumentException documented) {
      // The payload lacks what a message needs.
    }
  }

  @Property(tries = 1500)
  void mutatedInteractionsMapOrFailAsDocumented(
      @ForAll("interactions") String fixture,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll("threads") String threadId) {
    DataObject interaction = mutated(fixture, mutations);
    try {
      ChatEvent event = new DiscordEventMapper().interaction(interaction, threadId);
      if (event == null) {
        throw new AssertionError("no event for " + interaction);
      }
    } catch (IllegalArgumentException documented) {
      // The payload lacks what an interaction needs.
    }
  }

  @Provide
  Arbitrary<String> messages() {
    return Arbitraries.of("message-mention", "message-dm", "message-reply", "message-bot");
  }

  @Provide
  Arbitrary<String> interactions() {
    return Arbitraries.of(
        "interaction-ask-guild", "interaction-ask-thread", "interaction-model-dm");
  }

  @Provide
  Arbitrary<String> threads() {
    return Arbitraries.of("1350000000000009000", "").injectNull(0.5);
  }

  @Provide
  Arbitrary<ChannelPlace> places() {
    return Arbitraries.of(
        ChannelPlace.channel(FakeDiscordPayloads.GUILD_ID, FakeDiscordPayloads.CHANNEL_ID),
        ChannelPlace.thread(
            FakeDiscordPayloads.GUILD_ID, FakeDiscordPayloads.CHANNEL_ID, "1350000000000009000"),
        ChannelPlace.dm(FakeDiscordPayloads.DM_CHANNEL_ID));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 300), Arbitraries.of(true, false), values(2))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  /** Arbitrary JSON values as JDA holds them, nested up to {@code depth}. */
  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(30).map(Object.class::cast),
            Arbitraries.of("", "0", "-1", "18446744073709551616", "2024-13-01", "<@" + SELF + ">")
                .map(Object.class::cast),
            Arbitraries.integers().map(Object.class::cast),
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.doubles().map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.just(null));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> array =
        values(depth - 1).list().ofMaxSize(3).map(items -> DataArray.fromCollection(items));
    Arbitrary<Object> object =
        Combinators.combine(
                Arbitraries.of("id", "type", "name", "value", "user", "author", "bot", "nick")
                    .list()
                    .ofMaxSize(3),
                values(depth - 1).list().ofSize(3))
            .as(
                (keys, items) -> {
                  DataObject out = DataObject.empty();
                  for (int i = 0; i < keys.size(); i++) {
                    out.put(keys.get(i), items.get(i));
                  }
                  return out;
                });
    return Arbitraries.frequencyOf(Tuple.of(4, scalars), Tuple.of(1, array), Tuple.of(1, object));
  }

  private static DataObject mutated(String fixture, List<Mutation> mutations) {
    DataObject payload = FakeDiscordPayloads.fixture(fixture);
    for (Mutation mutation : mutations) {
      List<Map.Entry<DataObject, String>> fields = new ArrayList<>();
      collect(payload, fields);
      if (fields.isEmpty()) {
        break;
      }
      Map.Entry<DataObject, String> target = fields.get(mutation.field() % fields.size());
      if (mutation.remove()) {
        target.getKey().remove(target.getValue());
      } else {
        target.getKey().put(target.getValue(), mutation.value());
      }
    }
    return payload;
  }

  private static void collect(DataObject object, List<Map.Entry<DataObject, String>> fields) {
    for (String key : List.copyOf(object.keys())) {
      fields.add(Map.entry(object, key));
      if (object.isType(key, DataType.OBJECT)) {
        collect(object.getObject(key), fields);
      } else if (object.isType(key, DataType.ARRAY)) {
        DataArray array = object.getArray(key);
        for (int i = 0; i < array.length(); i++) {
          if (array.isType(i, DataType.OBJECT)) {
            collect(array.getObject(i), fields);
          }
        }
      }
    }
  }
}
