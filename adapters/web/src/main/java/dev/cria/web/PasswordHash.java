package dev.cria.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-SHA256 password hashes, formatted {@code pbkdf2-sha256:iterations:salt:hash} (Base64). The
 * JDK has it, so no extra library; {@code CRIA_WEB_PASSWORD} is hashed once at startup and only the
 * hash is kept.
 */
public final class PasswordHash {

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, ITERATIONS);
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code stored}, compared in constant time. */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split(":");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] salt = base64.decode(parts[2]);
    byte[] expected = base64.decode(parts[3]);
    byte[] actual = derive(password, salt, Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    }
  }
}
