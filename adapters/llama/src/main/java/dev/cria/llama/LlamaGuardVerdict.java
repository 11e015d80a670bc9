package dev.cria.llama;

import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.core.ModelException.Symptom;
import dev.cria.core.Moderator.ModerationResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what Llama Guard 3 or 4 answers, strictly: {@code safe}, or {@code unsafe} and one line of
 * category codes {@code S1}..{@code S14} separated by commas. Case and surrounding blank space do
 * not matter; anything else (an explanation, an empty answer, {@code unsafe} without codes, codes
 * out of range) is no verdict and fails the check, so that the pipeline fails closed.
 */
final class LlamaGuardVerdict {

  private static final Pattern CODES =
      Pattern.compile("S([1-9]|1[0-4])(\\s*,\\s*S([1-9]|1[0-4]))*", Pattern.CASE_INSENSITIVE);

  private LlamaGuardVerdict() {}

  static ModerationResult parse(String reply, String model) {
    List<String> lines = new ArrayList<>();
    for (String line : (reply == null ? "" : reply).strip().split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    if (lines.size() == 1 && lines.getFirst().equalsIgnoreCase("safe")) {
      return new ModerationResult(false, List.of(), model);
    }
    if (lines.size() == 2
        && lines.getFirst().equalsIgnoreCase("unsafe")
        && CODES.matcher(lines.get(1)).matches()) {
      LinkedHashSet<String> codes = new LinkedHashSet<>();
      for (String code : lines.get(1).split(",")) {
        codes.add(code.strip().toUpperCase(Locale.ROOT));
      }
      return new ModerationResult(true, List.copyOf(codes), model);
    }
    throw new ModelException(
        Kind.UNAVAILABLE,
        Symptom.MALFORMED,
        "Llama Guard ("
            + model
            + ") answered neither 'safe' nor 'unsafe' with categories S1 to S14: "
            + shorten(reply));
  }

  private static String shorten(String reply) {
    String text = reply == null ? "" : reply.strip().replaceAll("\\s+", " ");
    return text.length() <= 80 ? '"' + text + '"' : '"' + text.substring(0, 80) + "...\"";
  }
}
