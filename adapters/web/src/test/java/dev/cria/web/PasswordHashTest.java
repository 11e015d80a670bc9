package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matchesOnlyThePasswordItWasMadeFrom() {
    String hash = PasswordHash.hash("correct horse");

    assertTrue(PasswordHash.matches("correct horse", hash));
    assertFalse(PasswordHash.matches("correct horse ", hash));
    assertFalse(hash.contains("correct horse"));
  }

  @Test
  void saltsEachHash() {
    assertNotEquals(PasswordHash.hash("same"), PasswordHash.hash("same"));
  }

  @Test
  void refusesWhatIsNotAHash() {
    assertFalse(PasswordHash.matches("x", "plain-text"));
  }
}
