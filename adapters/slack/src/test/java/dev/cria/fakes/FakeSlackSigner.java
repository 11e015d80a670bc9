package dev.cria.fakes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs Events API requests the way Slack does: {@code v0=HMAC-SHA256(secret, v0:ts:body)}. */
public final class FakeSlackSigner {

  private FakeSlackSigner() {}

  public static String sign(String signingSecret, long timestamp, String body) {
    return signBytes(signingSecret, timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs a body given as bytes, which need not be valid UTF-8. */
  public static String signBytes(String signingSecret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.writeBytes(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      signed.writeBytes(body);
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(signed.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
