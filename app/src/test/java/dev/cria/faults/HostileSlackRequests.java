package dev.cria.faults;

import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hostile requests for {@code POST /slack/events}, made from the recorded Slack payloads, for
 * {@link HostileInputIT}. Request {@code n} is the same on every run (seeded by {@code n}): mutated
 * real payloads, oversize bodies, deep JSON, wrong types, invalid UTF-8, unicode edge cases, huge
 * thread ids, replays, wrong content types, each correctly signed, and forged signatures over all
 * of them. Every request carries an event id starting with {@code EvH} (or {@code EvF} when forged)
 * so that the database can be searched for what it left behind.
 */
final class HostileSlackRequests {

  /** What the test may accept in answer. */
  enum Expect {
    /** 401: the signature is forged, stale, ahead, missing or unreadable. */
    UNAUTHORIZED,
    /** A 4xx. */
    REFUSED,
    /** A 200 (stored, or ignored) or a 4xx; never a 5xx. */
    NOT_5XX
  }

  // The body is raw bytes on purpose (some are not UTF-8); nothing compares two Requests.
  @SuppressWarnings("ArrayRecordComponent")
  record Request(
      String kind,
      String eventId,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      Expect expect) {}

  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  private static final List<String> FIXTURES =
      List.of(
          "app_mention.json",
          "mention_in_thread.json",
          "thread_message.json",
          "im.json",
          "im_thread.json",
          "message_changed.json",
          "message_deleted.json",
          "message_mentioning_cria.json",
          "bot_message.json",
          "assistant_thread_started.json",
          "url_verification.json");

  private static final List<String> UNICODE =
      List.of(
          "\\u0000",
          "nul\u0000inside",
          "\\ud800",
          "\\udfff\\ud800",
          "\uFEFFbom",
          "\u202Eevil\u202C",
          "e\u0301\u0301\u0301",
          "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "\uFFFF\uFFFE",
          "line\u2028sep\u2029",
          "\uDBFF\uDFFF",
          "\u0301".repeat(20_000),
          "\\\\\\\"\\/\\b\\f\\n\\r\\t",
          "\u0007\u001B[31mred");

  private static final List<byte[]> BAD_UTF8 =
      List.of(
          new byte[] {(byte) 0xC3, (byte) 0x28},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {(byte) 0xE2, (byte) 0x82});

  private static final String[] KINDS = {
    "mutated", "mutated", "mutated", "wrong-types", "unicode", "bad-utf8", "deep-json",
    "huge-ids", "replay", "stale-or-ahead", "content-type", "form", "forged", "forged"
  };

  private final String secret;
  private final Map<Integer, Request> sent = new ConcurrentHashMap<>();

  HostileSlackRequests(String secret) {
    this.secret = secret;
  }

  /** Request number {@code n}; one in 250 is an oversize body. */
  Request request(int n) {
    Random random = new Random(n * 7919L + 17);
    String id = "EvH" + n;
    if (n % 250 == 249) {
      return signed("oversize", id, JSON, oversize(id, random), Expect.REFUSED);
    }
    String kind = KINDS[n % KINDS.length];
    return switch (kind) {
      case "mutated" ->
          signed(kind, id, JSON, bytes(mutate(base(id, random), random)), Expect.NOT_5XX);
      case "wrong-types" -> signed(kind, id, JSON, bytes(wrongTypes(id, random)), Expect.NOT_5XX);
      case "unicode" -> signed(kind, id, JSON, bytes(unicode(id, random)), Expect.NOT_5XX);
      case "bad-utf8" -> signed(kind, id, JSON, badUtf8(id, random), Expect.REFUSED);
      case "deep-json" -> signed(kind, id, JSON, bytes(deep(id, random)), Expect.NOT_5XX);
      case "huge-ids" -> signed(kind, id, JSON, bytes(hugeIds(id, random)), Expect.NOT_5XX);
      case "replay" -> replay(n, id, random);
      case "stale-or-ahead" -> staleOrAhead(id, random);
      case "content-type" -> wrongContentType(id, random);
      case "form" -> signed(kind, id, FORM, bytes(form(id, random)), Expect.NOT_5XX);
      default -> forged(id.replace("EvH", "EvF"), random);
    };
  }

  private String base(String id, Random random) {
    String fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
    String json = FakeSlackEvents.fixture(fixture);
    return fixture.startsWith("url_") ? json : FakeSlackEvents.withEventId(json, id);
  }

  private static String mutate(String json, Random random) {
    StringBuilder text = new StringBuilder(json);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !text.isEmpty(); e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(7)) {
        case 0 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40)));
        case 2 -> text.insert(at, "{[\"\\:,}]".charAt(random.nextInt(8)));
        case 3 -> text.setLength(at);
        case 4 -> {
          int end = Math.min(text.length(), at + 1 + random.nextInt(60));
          text.insert(at, text.substring(at, end));
        }
        case 5 -> text.insert(at, UNICODE.get(random.nextInt(UNICODE.size())));
        default -> text.insert(at, ",\"event\":" + (random.nextBoolean() ? "null" : "{}"));
      }
    }
    return text.toString();
  }

  private static String wrongTypes(String id, Random random) {
    String[] values = {
      "1", "-1", "1e309", "true", "null", "[]", "{}", "[\"x\"]", "{\"a\":1}", "\"\""
    };
    String[] fields = {
      "type",
      "team_id",
      "event_id",
      "event",
      "user",
      "channel",
      "ts",
      "text",
      "thread_ts",
      "subtype",
      "channel_type",
      "bot_id",
      "message",
      "previous_message"
    };
    String value = values[random.nextInt(values.length)];
    String field = fields[random.nextInt(fields.length)];
    String event =
        "{\"type\":\"app_mention\",\"user\":\"U0ADA\",\"channel\":\"C0HOSTILE\","
            + "\"ts\":\"1700000000.000100\",\"text\":\"<@U0CRIA> hi\"}";
    event = event.replaceFirst("\"" + field + "\":(\"[^\"]*\")", "\"" + field + "\":" + value);
    if (!event.contains("\"" + field + "\"")) {
      event = event.replace("{\"type\"", "{\"" + field + "\":" + value + ",\"type\"");
    }
    String envelope =
        "{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\""
            + id
            + "\",\"event\":"
            + event
            + "}";
    return switch (field) {
      case "team_id", "event_id", "event", "type" ->
          envelope.replaceFirst(
              "\"" + field + "\":(\"[^\"]*\"|\\{.*\\}(?=}$))", "\"" + field + "\":" + value);
      default -> envelope;
    };
  }

  private static String unicode(String id, Random random) {
    String edge = UNICODE.get(random.nextInt(UNICODE.size()));
    String channel = random.nextInt(4) == 0 ? "C0" + edge : "C0HOSTILE";
    String user = random.nextInt(4) == 0 ? "U" + edge : "U0ADA";
    String event = random.nextInt(5) == 0 ? id + edge : id;
    return "{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\""
        + event
        + "\",\"event\":{\"type\":\"app_mention\",\"user\":\""
        + user
        + "\",\"channel\":\""
        + channel
        + "\",\"ts\":\"1700000000."
        + (100_000 + random.nextInt(900_000))
        + "\",\"text\":\"<@U0CRIA> "
        + edge
        + " "
        + edge
        + "\"}}";
  }

  private static byte[] badUtf8(String id, Random random) {
    byte[] bad = BAD_UTF8.get(random.nextInt(BAD_UTF8.size()));
    String head =
        "{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\""
            + id
            + "\",\"event\":{\"type\":\"app_mention\",\"user\":\"U0ADA\",\"channel\":\"C0HOSTILE\","
            + "\"ts\":\"1700000000.000100\",\"text\":\"<@U0CRIA> ";
    byte[] start = bytes(head);
    byte[] end = bytes("\"}}");
    byte[] body = new byte[start.length + bad.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(bad, 0, body, start.length, bad.length);
    System.arraycopy(end, 0, body, start.length + bad.length, end.length);
    return body;
  }

  private static String deep(String id, Random random) {
    int depth =
        switch (random.nextInt(3)) {
          case 0 -> 1_000;
          case 1 -> 20_000;
          default -> 200_000;
        };
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String nested =
        open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
    return "{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\""
        + id
        + "\",\"event\":{\"type\":\"app_mention\",\"user\":\"U0ADA\",\"channel\":\"C0HOSTILE\","
        + "\"ts\":\"1700000000.000100\",\"text\":\"<@U0CRIA> deep\",\"blocks\":"
        + nested
        + "}}";
  }

  private static String hugeIds(String id, Random random) {
    String digits =
        "9"
            .repeat(
                switch (random.nextInt(3)) {
                  case 0 -> 300;
                  case 1 -> 20_000;
                  default -> 500_000;
                });
    String thread = "1700000000." + digits;
    return switch (random.nextInt(4)) {
      case 0 ->
          FakeSlackEvents.mention(id, "C0HOSTILE", "1700000000.000200", thread, "U0ADA", "hi");
      case 1 -> FakeSlackEvents.mention(id, "C0HOSTILE", digits + ".1", null, "U0ADA", "hi");
      case 2 -> FakeSlackEvents.mention(id, "C" + digits, "1700000000.000200", null, "U0ADA", "hi");
      default ->
          FakeSlackEvents.mention(
              id + digits, "C0HOSTILE", "1700000000.000200", null, "U0ADA", "hi");
    };
  }

  /** Sends an earlier signed request again, byte for byte, as an attacker who captured it would. */
  private Request replay(int n, String id, Random random) {
    for (int back = 1; back <= 14 && n - back >= 0; back++) {
      Request earlier = sent.get(n - back);
      if (earlier != null
          && !earlier.kind().startsWith("replay")
          && earlier.expect() != Expect.UNAUTHORIZED) {
        return new Request(
            "replay of " + earlier.kind(),
            earlier.eventId(),
            earlier.contentType(),
            earlier.body(),
            earlier.headers(),
            earlier.expect());
      }
    }
    return signed("replay-base", id, JSON, bytes(base(id, random)), Expect.NOT_5XX);
  }

  private Request staleOrAhead(String id, Random random) {
    String forgedId = id.replace("EvH", "EvF");
    byte[] body =
        bytes(
            FakeSlackEvents.mention(
                forgedId, "C0HOSTILE", "1700000000.000300", null, "U0ADA", "hi"));
    long now = Instant.now().getEpochSecond();
    long ts =
        switch (random.nextInt(4)) {
          case 0 -> now - 301 - random.nextInt(100_000);
          case 1 -> now + 301 + random.nextInt(100_000);
          case 2 -> 0;
          default -> Long.MAX_VALUE / 1000;
        };
    return new Request(
        "stale-or-ahead",
        forgedId,
        JSON,
        body,
        headers(ts, FakeSlackSigner.signBytes(secret, ts, body)),
        Expect.UNAUTHORIZED);
  }

  private Request wrongContentType(String id, Random random) {
    String[] types = {
      "text/plain",
      "application/xml",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "application/octet-stream",
      "*/*",
      "application/jsonx"
    };
    String type = types[random.nextInt(types.length)];
    byte[] body =
        bytes(
            FakeSlackEvents.mention(id, "C0HOSTILE", "1700000000.000400", null, "U0ADA", "typed"));
    long now = Instant.now().getEpochSecond();
    // charset=utf-16 with a UTF-8 body may be read or refused; anything else is 415.
    Expect expect = type.startsWith("application/json;") ? Expect.NOT_5XX : Expect.REFUSED;
    return new Request(
        "content-type " + type,
        id,
        type,
        body,
        headers(now, FakeSlackSigner.signBytes(secret, now, body)),
        expect);
  }

  private static String form(String id, Random random) {
    String[] texts = {
      "help",
      "reset",
      "model",
      "model " + "x".repeat(5000),
      "system " + "\u0301".repeat(3000),
      "usage",
      "%%%",
      "\u0000",
      "ask " + id
    };
    String form =
        FakeSlackEvents.fixture("slash_command.txt")
            .replace(
                "text=model+Llama-4-Maverick-17B-128E-Instruct-FP8",
                "text="
                    + URLEncoder.encode(
                        texts[random.nextInt(texts.length)], StandardCharsets.UTF_8))
            .replace("RESPONSE_URL", "http%3A%2F%2F127.0.0.1%3A1%2Fcommands%2FT0TEAM%2F1%2F" + id)
            .replace("trigger_id=", "trigger_id=" + id + ".");
    return random.nextBoolean() ? mutate(form, random) : form;
  }

  /** Any body, signed with the wrong secret, mangled, or not at all: always 401. */
  private Request forged(String id, Random random) {
    byte[] body =
        random.nextBoolean()
            ? bytes(
                FakeSlackEvents.mention(
                    id, "C0HOSTILE", "1700000000.000500", null, "U0ADA", "forged"))
            : bytes(mutate(base(id, random), random));
    long now = Instant.now().getEpochSecond();
    String good = FakeSlackSigner.signBytes(secret, now, body);
    Map<String, String> headers =
        switch (random.nextInt(8)) {
          case 0 -> headers(now, FakeSlackSigner.signBytes("not-the-secret", now, body));
          case 1 -> headers(now, good.toUpperCase(Locale.ROOT));
          case 2 ->
              headers(now, good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"));
          case 3 -> headers(now, "v1=" + good.substring(3));
          case 4 -> headers(now + 1, good);
          case 5 -> Map.of("X-Slack-Signature", good);
          case 6 -> headers(now, "v0=" + "g".repeat(64));
          default -> Map.of("X-Slack-Request-Timestamp", "1e9", "X-Slack-Signature", good);
        };
    return new Request(
        "forged", id, random.nextBoolean() ? JSON : FORM, body, headers, Expect.UNAUTHORIZED);
  }

  private static byte[] oversize(String id, Random random) {
    return bytes(
        FakeSlackEvents.mention(
            id,
            "C0HOSTILE",
            "1700000000.000600",
            null,
            "U0ADA",
            "x".repeat(1_050_000 + random.nextInt(500_000))));
  }

  private Request signed(String kind, String id, String type, byte[] body, Expect expect) {
    long now = Instant.now().getEpochSecond();
    return new Request(
        kind, id, type, body, headers(now, FakeSlackSigner.signBytes(secret, now, body)), expect);
  }

  /** Remembers a request that was sent, for later replays. */
  void sent(int n, Request request) {
    sent.put(n, request);
    sent.remove(n - 20);
  }

  private static Map<String, String> headers(long timestamp, String signature) {
    return Map.of(
        "X-Slack-Request-Timestamp", String.valueOf(timestamp), "X-Slack-Signature", signature);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
