package dev.cria.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A conversation's stored turns written out for {@code summarize}: one paragraph per turn, oldest
 * first, the people by name (as {@link HistoryWindow} names them) and Cria as "Cria", the newest
 * turns kept when the whole does not fit the token budget.
 *
 * @param turns how many turns it holds
 * @param cut whether older turns were left out
 */
record SummaryTranscript(String text, int turns, boolean cut) {

  static SummaryTranscript of(List<StoredTurn> newestFirst, int budget) {
    List<String> kept = new ArrayList<>();
    int used = 0;
    for (StoredTurn turn : newestFirst) {
      String line =
          turn.role() == ChatTurn.Role.ASSISTANT
              ? "Cria: " + turn.content()
              : HistoryWindow.content(turn);
      int cost = HistoryWindow.estimate(line);
      if (used + cost > budget) {
        break;
      }
      used += cost;
      kept.add(line);
    }
    Collections.reverse(kept);
    boolean cut = kept.size() < newestFirst.size() || newestFirst.size() >= HistoryWindow.MAX_TURNS;
    return new SummaryTranscript(String.join("\n\n", kept), kept.size(), cut);
  }

  boolean isEmpty() {
    return turns == 0;
  }
}
