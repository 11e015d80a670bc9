package dev.cria.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the raw bytes of the body before anything reads them:
 * {@code X-Slack-Signature} must be {@code v0=} and the hex HMAC-SHA256 of {@code v0:<timestamp>:}
 * and the body under the signing secret, compared in constant time, and {@code
 * X-Slack-Request-Timestamp} must be within {@link #MAX_SKEW} of now in either direction (a
 * timestamp from the future is as suspect as an old one: it would keep a captured request
 * replayable for longer).
 */
final class SlackSignatureCheck {

  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /** What the check found; only {@link #VALID} lets a request in. */
  enum Verdict {
    VALID,
    MISSING,
    MALFORMED,
    STALE,
    AHEAD,
    MISMATCH
  }

  private static final String VERSION = "v0";
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  private final SecretKeySpec key;
  private final Clock clock;

  SlackSignatureCheck(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  Verdict check(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Verdict.MISSING;
    }
    if (timestamp.isEmpty()
        || timestamp.length() > MAX_TIMESTAMP_DIGITS
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Verdict.MALFORMED;
    }
    long skew = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
    if (skew > MAX_SKEW.toSeconds()) {
      return Verdict.STALE;
    }
    if (-skew > MAX_SKEW.toSeconds()) {
      return Verdict.AHEAD;
    }
    byte[] expected = expected(timestamp, body);
    byte[] given = signature.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
  }

  private byte[] expected(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      byte[] digest = mac.doFinal(body);
      return (VERSION + "=" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
