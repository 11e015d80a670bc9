package dev.cria.bench;

import org.HdrHistogram.Histogram;

/** Recording into and reading from HdrHistograms of microseconds. */
final class Histograms {

  private Histograms() {}

  /** Records a value, clamped into the histogram's range. */
  static void record(Histogram histogram, long micros) {
    histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
  }

  /** The percentile in milliseconds, or NaN when nothing was recorded. */
  static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0
        ? Double.NaN
        : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
