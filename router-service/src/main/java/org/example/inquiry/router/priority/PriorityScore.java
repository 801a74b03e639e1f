package org.example.inquiry.router.priority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One explainable priority score from 0 to 100: each factor is normalised to [0,1], multiplied by
 * its weight (the weights add up to 100), and the points are summed. The event carries every
 * component, so anyone can see why an inquiry came first. Pure.
 */
public final class PriorityScore {

  /** The facts the score weighs; amounts already in the base currency, nulls when unknown. */
  public record Factors(
      String urgency,
      BigDecimal amountAtRisk,
      BigDecimal lifetimeValue,
      Integer paybackMonths,
      String riskRating,
      String kycStatus) {}

  /** One part of the score. */
  public record Component(String name, double value, double weight, double points) {}

  /** The score with its parts. */
  public record Score(int value, List<Component> components) {}

  private static final Map<String, Double> URGENCY =
      Map.of("LOW", 0.1, "NORMAL", 0.4, "HIGH", 0.75, "CRITICAL", 1.0);
  private static final Map<String, Double> RISK =
      Map.of("LOW", 0.1, "MEDIUM", 0.4, "HIGH", 0.7, "VERY_HIGH", 1.0, "UNRATED", 0.5);
  // KYC problems need prompt handling: the worse the state, the sooner.
  private static final Map<String, Double> KYC =
      Map.of("VERIFIED", 0.0, "PENDING", 0.6, "EXPIRED", 0.8, "FAILED", 1.0, "UNKNOWN", 0.5);

  private final Map<String, Double> weights;

  public PriorityScore(Map<String, Double> weights) {
    this.weights = Map.copyOf(weights);
  }

  public Score score(Factors f) {
    List<Component> components = new ArrayList<>();
    add(components, "urgency", URGENCY.getOrDefault(f.urgency(), 0.4));
    // Logarithmic: USD 1,000,000 at risk saturates; USD 22,000 is about 0.72.
    add(components, "amountAtRisk", logScale(f.amountAtRisk(), 6));
    add(components, "lifetimeValue", logScale(f.lifetimeValue(), 7));
    // A customer whose acquisition cost takes long to pay back is costlier to lose.
    add(
        components,
        "acquisitionPayback",
        f.paybackMonths() == null ? 0.5 : Math.min(1.0, f.paybackMonths() / 36.0));
    add(
        components,
        "riskRating",
        RISK.getOrDefault(f.riskRating() == null ? "UNRATED" : f.riskRating(), 0.5));
    add(
        components,
        "kycState",
        KYC.getOrDefault(f.kycStatus() == null ? "UNKNOWN" : f.kycStatus(), 0.5));
    double total = components.stream().mapToDouble(Component::points).sum();
    return new Score((int) Math.round(Math.min(100, total)), List.copyOf(components));
  }

  private void add(List<Component> components, String name, double value) {
    double weight = weights.getOrDefault(name, 0.0);
    double rounded = Math.round(value * 1000) / 1000.0;
    components.add(
        new Component(name, rounded, weight, Math.round(rounded * weight * 100) / 100.0));
  }

  private static double logScale(BigDecimal amount, int decades) {
    if (amount == null || amount.signum() <= 0) {
      return 0;
    }
    return Math.min(1.0, Math.log10(1 + amount.doubleValue()) / decades);
  }
}
