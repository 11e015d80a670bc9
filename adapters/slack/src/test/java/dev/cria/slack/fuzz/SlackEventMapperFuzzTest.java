package dev.cria.slack.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.slack.SlackEventMapper;
import dev.cria.slack.SlackInbound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property tests of {@link SlackEventMapper#map}: the recorded Events API fixtures with fields
 * removed or replaced by arbitrary JSON, and arbitrary envelopes built from Slack's own vocabulary.
 * Whatever it is given, the mapper returns a decision or throws its documented {@link
 * IllegalArgumentException}, and a message it accepts is one the core can use.
 */
class SlackEventMapperFuzzTest {

  private static final List<String> FIXTURES =
      List.of(
          "app_mention.json",
          "assistant_thread_started.json",
          "bot_message.json",
          "im.json",
          "im_thread.json",
          "mention_in_thread.json",
          "message_changed.json",
          "message_deleted.json",
          "message_mentioning_cria.json",
          "own_message.json",
          "thread_message.json");

  /** One change to a JSON tree: the n-th field (modulo their number) removed or replaced. */
  record Mutation(int field, boolean remove, JsonElement value) {}

  @Property(tries = 1500)
  void mutatedFixturesMapOrFailAsDocumented(
      @ForAll("fixtures") String fixture, @ForAll("mutations") List<Mutation> mutations) {
    JsonObject envelope =
        JsonParser.parseString(FakeSlackEvents.fixture(fixture)).getAsJsonObject();
    mutations.forEach(mutation -> apply(envelope, mutation));
    mapsOrFailsAsDocumented(envelope);
  }

  @Property(tries = 1500)
  void arbitraryEnvelopesMapOrFailAsDocumented(@ForAll("envelopes") JsonObject envelope) {
    mapsOrFailsAsDocumented(envelope);
  }

  private static void mapsOrFailsAsDocumented(JsonObject envelope) {
    SlackInbound inbound;
    try {
      inbound = SlackEventMapper.map(envelope, FakeSlackApi.BOT_USER_ID);
    } catch (IllegalArgumentException documented) {
      return;
    }
    if (inbound == null) {
      throw new AssertionError("no decision for " + envelope);
    }
    if (inbound instanceof SlackInbound.Message message) {
      var event = message.event();
      if (event.eventId() == null || event.author().id() == null || event.messageId() == null) {
        throw new AssertionError(
            "a message the core cannot answer: " + event + " from " + envelope);
      }
    }
  }

  @Provide
  Arbitrary<String> fixtures() {
    return Arbitraries.of(FIXTURES);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 200), Arbitraries.of(true, false), values(2))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<JsonObject> envelopes() {
    Arbitrary<JsonElement> event =
        Combinators.combine(
                Arbitraries.of("app_mention", "message", "reaction_added", "", "APP_MENTION"),
                Arbitraries.of(
                    "", "file_share", "message_changed", "message_deleted", "bot_message", "x"),
                Arbitraries.of("im", "channel", "group", "mpim", ""),
                fields())
            .as(
                (type, subtype, channelType, fields) -> {
                  JsonObject object = new JsonObject();
                  object.addProperty("type", type);
                  if (!subtype.isEmpty()) {
                    object.addProperty("subtype", subtype);
                  }
                  object.addProperty("channel_type", channelType);
                  fields.forEach(object::add);
                  return object;
                });
    return Combinators.combine(
            Arbitraries.oneOf(scalars(), Arbitraries.just(new JsonPrimitive("T0TEAM"))),
            Arbitraries.oneOf(scalars(), Arbitraries.just(new JsonPrimitive("Ev0001"))),
            Arbitraries.oneOf(event, values(1)))
        .as(
            (team, eventId, body) -> {
              JsonObject envelope = new JsonObject();
              envelope.addProperty("type", "event_callback");
              envelope.add("team_id", team);
              envelope.add("event_id", eventId);
              envelope.add("event", body);
              return envelope;
            });
  }

  /** The fields a message event has, each present or not, with plausible or arbitrary values. */
  private Arbitrary<Map<String, JsonElement>> fields() {
    List<String> names =
        List.of(
            "user",
            "text",
            "ts",
            "thread_ts",
            "channel",
            "bot_id",
            "team",
            "user_team",
            "deleted_ts",
            "message",
            "previous_message",
            "user_profile");
    return Arbitraries.of(names)
        .flatMap(
            name ->
                Arbitraries.oneOf(values(2), plausible(name)).map(value -> Tuple.of(name, value)))
        .list()
        .ofMaxSize(12)
        .map(
            pairs -> {
              Map<String, JsonElement> out = new java.util.LinkedHashMap<>();
              pairs.forEach(pair -> out.put(pair.get1(), pair.get2()));
              return out;
            });
  }

  private Arbitrary<JsonElement> plausible(String name) {
    return switch (name) {
      case "user" -> strings("U0ADA", "U0CRIA", "", "U:1");
      case "text" -> strings("<@U0CRIA> hi", "<@U0CRIA>", "reset", "<@U0CRIA|cria> model x", "");
      case "ts", "thread_ts", "deleted_ts" ->
          strings(
              "1700000000.000100",
              "1700000000",
              "1e999999999",
              "-1.5",
              "99999999999999999999.1",
              "1700000000.0001000000000",
              "NaN",
              "");
      case "channel" -> strings("C0GENERAL", "D0DM", "", " ", "C:1");
      default -> values(1);
    };
  }

  private static Arbitrary<JsonElement> strings(String... values) {
    return Arbitraries.of(values).map(JsonPrimitive::new);
  }

  /** Arbitrary JSON: scalars, and arrays and objects of them up to {@code depth}. */
  private static Arbitrary<JsonElement> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<JsonElement> array =
        values(depth - 1)
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  JsonArray out = new JsonArray();
                  items.forEach(out::add);
                  return out;
                });
    Arbitrary<JsonElement> object =
        Combinators.combine(
                Arbitraries.of("type", "user", "text", "ts", "channel", "thread_ts", "x")
                    .list()
                    .ofMaxSize(3),
                values(depth - 1).list().ofSize(3))
            .as(
                (keys, items) -> {
                  JsonObject out = new JsonObject();
                  for (int i = 0; i < keys.size(); i++) {
                    out.add(keys.get(i), items.get(i));
                  }
                  return out;
                });
    return Arbitraries.frequencyOf(Tuple.of(4, scalars()), Tuple.of(1, array), Tuple.of(1, object));
  }

  private static Arbitrary<JsonElement> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30).map(JsonPrimitive::new),
        Arbitraries.strings().withChars("0123456789.:-e ").ofMaxLength(25).map(JsonPrimitive::new),
        Arbitraries.integers().map(JsonPrimitive::new),
        Arbitraries.doubles().map(JsonPrimitive::new),
        Arbitraries.bigDecimals().ofScale(3).map(value -> (JsonElement) new JsonPrimitive(value)),
        Arbitraries.of(true, false).map(JsonPrimitive::new),
        Arbitraries.just(JsonNull.INSTANCE));
  }

  /** Removes or replaces the field the mutation points at, counting fields depth first. */
  private static void apply(JsonObject root, Mutation mutation) {
    List<Map.Entry<JsonObject, String>> fields = new ArrayList<>();
    collect(root, fields);
    if (fields.isEmpty()) {
      return;
    }
    Map.Entry<JsonObject, String> target = fields.get(mutation.field() % fields.size());
    if (mutation.remove()) {
      target.getKey().remove(target.getValue());
    } else {
      target.getKey().add(target.getValue(), mutation.value());
    }
  }

  private static void collect(JsonObject object, List<Map.Entry<JsonObject, String>> fields) {
    for (String key : List.copyOf(object.keySet())) {
      fields.add(Map.entry(object, key));
      JsonElement value = object.get(key);
      if (value.isJsonObject()) {
        collect(value.getAsJsonObject(), fields);
      }
    }
  }
}
