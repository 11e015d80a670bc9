package dev.cria.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a system prompt: the first 12 hex digits of the SHA-256 of its text, or {@value
 * #NONE} when there is none. Stored with each answer and each vote, so feedback can be compared
 * across prompt changes without storing the prompt again.
 */
public final class PromptVersion {

  public static final String NONE = "none";

  private PromptVersion() {}

  public static String of(String systemPrompt) {
    if (systemPrompt == null || systemPrompt.isBlank()) {
      return NONE;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(systemPrompt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
