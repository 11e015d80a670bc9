package dev.cria.fakes;

/**
 * The time {@link FakeLlamaApi} deliberately spends on a streamed answer, computed with the fake's
 * own pacing code: the wait before the first token, then each chunk's tokens at the configured
 * rate. The load driver subtracts it from the end-to-end time to get what Cria added. (It lives in
 * the fake's package to reuse that code instead of copying it.)
 */
public final class FakeLlamaApiClock {

  private final FakeLlamaApi.Pacing pacing;

  public FakeLlamaApiClock(long firstTokenMillis, double tokensPerSecond) {
    this.pacing = new FakeLlamaApi.Pacing(firstTokenMillis, tokensPerSecond);
  }

  public FakeLlamaApi.Pacing pacing() {
    return pacing;
  }

  /** Milliseconds the fake pauses while streaming {@code answer}. */
  public long modelMillis(String answer) {
    long millis = pacing.firstTokenMillis();
    for (String chunk : FakeLlamaApiChat.chunks(answer)) {
      millis += pacing.millisFor(FakeLlamaApiJson.Usage.tokens(chunk));
    }
    return millis;
  }

  /** How many pauses that takes: one per chunk plus the first-token wait. */
  public int pauses(String answer) {
    return FakeLlamaApiChat.chunks(answer).size() + 1;
  }
}
