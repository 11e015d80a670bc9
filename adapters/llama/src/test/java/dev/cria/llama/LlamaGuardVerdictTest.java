package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.core.ModelException;
import dev.cria.core.Moderator.ModerationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Llama Guard's answer is read strictly: {@code safe}, or {@code unsafe} and S1..S14. */
class LlamaGuardVerdictTest {

  @ParameterizedTest
  @ValueSource(strings = {"safe", "\n\nsafe", "Safe\n", "  safe  "})
  void safeIsSafe(String reply) {
    ModerationResult result = LlamaGuardVerdict.parse(reply, "llama-guard3:1b");

    assertFalse(result.flagged());
    assertEquals(List.of(), result.categories());
    assertEquals("llama-guard3:1b", result.model());
  }

  @Test
  void unsafeCarriesItsCodesInOrderOnce() {
    ModerationResult result =
        LlamaGuardVerdict.parse("\n\nunsafe\nS1, s10,S1", "Llama-Guard-4-12B");

    assertTrue(result.flagged());
    assertEquals(List.of("S1", "S10"), result.categories());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "unsafe",
        "unsafe\nS15",
        "unsafe\nS0",
        "unsafe\nviolent crimes",
        "safe\nS1",
        "unsafe\nS1\nS2",
        "I think this is fine.",
        "The conversation is safe.",
        "unsafe S1"
      })
  void anythingElseIsNoVerdict(String reply) {
    ModelException e =
        assertThrows(ModelException.class, () -> LlamaGuardVerdict.parse(reply, "guard"));

    assertEquals(ModelException.Kind.UNAVAILABLE, e.kind());
    assertEquals(ModelException.Symptom.MALFORMED, e.symptom());
  }
}
