package dev.cria.bench;

import java.util.concurrent.TimeUnit;

/** Sleeping without checked exceptions, for the driver's pacing. */
final class Pause {

  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void until(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      millis(TimeUnit.NANOSECONDS.toMillis(wait));
    }
  }
}
