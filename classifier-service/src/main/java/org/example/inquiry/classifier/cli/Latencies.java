package org.example.inquiry.classifier.cli;

import java.util.Arrays;
import java.util.Locale;

/** Latencies per inquiry, and their p50 and p95. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  double percentileMillis(double q) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
  }

  /** e.g. {@code latency_per_inquiry p50_ms=1.234 p95_ms=4.567 n=390}. */
  String summary() {
    return summary("latency_per_inquiry");
  }

  /** The same with another name. */
  String summary(String name) {
    return String.format(
        Locale.ROOT,
        "%s p50_ms=%.3f p95_ms=%.3f n=%d",
        name,
        percentileMillis(0.50),
        percentileMillis(0.95),
        size);
  }
}
