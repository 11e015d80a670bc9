package dev.cria.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A Stop recorded in the shared queue ({@link EventQueue#requestStop}) by whichever replica Slack
 * handed the click to. Read between the model's chunks at most once per update interval, so a
 * stream of many small chunks costs one query a second, not one per chunk.
 */
final class SharedStop {

  private final BooleanSupplier recorded;
  private final long intervalNanos;
  private long lastRead;
  private boolean stopped;

  SharedStop(BooleanSupplier recorded, Duration interval) {
    this.recorded = recorded;
    this.intervalNanos = interval.toNanos();
    this.lastRead = System.nanoTime();
  }

  boolean requested() {
    long now = System.nanoTime();
    if (!stopped && now - lastRead >= intervalNanos) {
      lastRead = now;
      stopped = recorded.getAsBoolean();
    }
    return stopped;
  }
}
