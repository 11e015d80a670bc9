package dev.cria.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * How late a sleeping virtual thread wakes up in the driver while the load runs. The fake model
 * paces its answers with such sleeps, so this lateness (once per chunk) shows up in the measured
 * overhead although Cria is not the cause; the report prints it next to the overhead.
 */
final class TimerProbe implements AutoCloseable {

  private static final long SLEEP_MILLIS = 20;

  final Histogram lateMicros = new ConcurrentHistogram(60_000_000L, 3);
  private volatile boolean running = true;
  private final Thread thread;

  TimerProbe() {
    thread = Thread.ofVirtual().name("timer-probe").start(this::run);
  }

  private void run() {
    while (running) {
      long start = System.nanoTime();
      try {
        Thread.sleep(SLEEP_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Histograms.record(lateMicros, (System.nanoTime() - start) / 1000 - SLEEP_MILLIS * 1000);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
