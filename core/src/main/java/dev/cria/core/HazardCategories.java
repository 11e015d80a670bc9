package dev.cria.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MLCommons hazard categories Llama Guard 3 and 4 answer with ({@code S1}..{@code S14}), in the
 * words users are shown. Names from a {@code /moderations} server (e.g. {@code violent_crimes}) are
 * shown with spaces instead of underscores.
 */
public final class HazardCategories {

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("S1", "violent crimes"),
          Map.entry("S2", "non-violent crimes"),
          Map.entry("S3", "sex-related crimes"),
          Map.entry("S4", "child sexual exploitation"),
          Map.entry("S5", "defamation"),
          Map.entry("S6", "specialized advice"),
          Map.entry("S7", "privacy"),
          Map.entry("S8", "intellectual property"),
          Map.entry("S9", "indiscriminate weapons"),
          Map.entry("S10", "hate"),
          Map.entry("S11", "suicide and self-harm"),
          Map.entry("S12", "sexual content"),
          Map.entry("S13", "elections"),
          Map.entry("S14", "code interpreter abuse"));

  private HazardCategories() {}

  /** Whether this is one of the codes {@code S1}..{@code S14}. */
  public static boolean isCode(String category) {
    return NAMES.containsKey(category.toUpperCase(Locale.ROOT));
  }

  /**
   * The category in words: {@code S10} becomes {@code hate}, {@code violent_crimes} stays close.
   */
  public static String inWords(String category) {
    String name = NAMES.get(category.toUpperCase(Locale.ROOT));
    return name != null ? name : category.replace('_', ' ').replace('/', ' ');
  }

  static List<String> inWords(List<String> categories) {
    return categories.stream().map(HazardCategories::inWords).distinct().toList();
  }
}
