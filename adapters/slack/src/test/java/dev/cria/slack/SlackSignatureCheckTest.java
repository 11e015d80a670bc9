package dev.cria.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.fakes.FakeSlackSigner;
import dev.cria.slack.SlackSignatureCheck.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Slack's {@code v0} signature: the raw bytes, constant time, five minutes either way. */
class SlackSignatureCheckTest {

  private static final String SECRET = "check-signing-secret-1234";
  private static final long NOW = 1_700_000_000L;
  private static final String BODY = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}";

  private final SlackSignatureCheck check =
      new SlackSignatureCheck(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @Test
  void aSignatureMadeAsSlackMakesItIsValid() {
    assertEquals(Verdict.VALID, check(NOW, sign(NOW, BODY), BODY));
  }

  @Test
  void upToFiveMinutesEitherSideIsAccepted() {
    assertEquals(Verdict.VALID, check(NOW - 300, sign(NOW - 300, BODY), BODY));
    assertEquals(Verdict.VALID, check(NOW + 300, sign(NOW + 300, BODY), BODY));
  }

  @Test
  void aTimestampMoreThanFiveMinutesBehindIsStale() {
    assertEquals(Verdict.STALE, check(NOW - 301, sign(NOW - 301, BODY), BODY));
    assertEquals(Verdict.STALE, check(0, sign(0, BODY), BODY));
  }

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRefusedToo() {
    assertEquals(Verdict.AHEAD, check(NOW + 301, sign(NOW + 301, BODY), BODY));
    assertEquals(Verdict.AHEAD, check(NOW + 86_400, sign(NOW + 86_400, BODY), BODY));
  }

  @Test
  void unreadableTimestampsAreMalformedWithoutOverflowing() {
    for (String timestamp :
        new String[] {"", "soon", "-5", "+1700000000", "1700000000.5", "9".repeat(30), " 17"}) {
      assertEquals(
          Verdict.MALFORMED,
          check.check(timestamp, sign(NOW, BODY), BODY.getBytes(UTF_8)),
          "'" + timestamp + "'");
    }
  }

  @Test
  void missingHeadersAreMissing() {
    assertEquals(Verdict.MISSING, check.check(null, sign(NOW, BODY), BODY.getBytes(UTF_8)));
    assertEquals(Verdict.MISSING, check.check(String.valueOf(NOW), null, BODY.getBytes(UTF_8)));
  }

  @Test
  void anyChangeToBodyTimestampSecretOrSignatureIsAMismatch() {
    String good = sign(NOW, BODY);
    assertEquals(Verdict.MISMATCH, check(NOW, good, BODY + " "));
    assertEquals(Verdict.MISMATCH, check(NOW - 1, good, BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, FakeSlackSigner.sign("other", NOW, BODY), BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, good.toUpperCase(Locale.ROOT), BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, good.replace("v0=", "v1="), BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, good.substring(0, good.length() - 1), BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, good + "0", BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, "v0=", BODY));
    assertEquals(Verdict.MISMATCH, check(NOW, "", BODY));
  }

  @Test
  void theSignatureCoversTheRawBytesEvenWhenTheyAreNotUtf8() {
    byte[] raw = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};
    String signature = FakeSlackSigner.signBytes(SECRET, NOW, raw);

    assertEquals(Verdict.VALID, check.check(String.valueOf(NOW), signature, raw));
    raw[3] = (byte) 0xFE;
    assertEquals(Verdict.MISMATCH, check.check(String.valueOf(NOW), signature, raw));
  }

  private Verdict check(long timestamp, String signature, String body) {
    return check.check(String.valueOf(timestamp), signature, body.getBytes(UTF_8));
  }

  private static String sign(long timestamp, String body) {
    return FakeSlackSigner.sign(SECRET, timestamp, body);
  }
}
