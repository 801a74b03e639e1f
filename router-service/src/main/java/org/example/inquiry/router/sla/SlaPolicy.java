package org.example.inquiry.router.sla;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Response and resolution targets by priority band (business time). Pure. */
public final class SlaPolicy {

  /** Targets for priorities at or above {@code minPriority}. */
  public record Band(int minPriority, Duration response, Duration resolution) {}

  /** The targets that apply. */
  public record Targets(Duration response, Duration resolution) {}

  private final List<Band> bands;

  public SlaPolicy(List<Band> bands) {
    this.bands =
        bands.stream().sorted(Comparator.comparingInt(Band::minPriority).reversed()).toList();
  }

  public Targets targetsFor(int priority) {
    Band band =
        bands.stream()
            .filter(b -> priority >= b.minPriority())
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no SLA band covers priority " + priority));
    return new Targets(band.response(), band.resolution());
  }
}
