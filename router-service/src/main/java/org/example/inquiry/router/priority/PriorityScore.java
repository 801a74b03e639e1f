package org.example.inquiry.router.priority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One explainable priority score from 0 to 100: each factor is normalised to [0,1], multiplied by
 * its weight (the weights add up to 100), and the points are summed. The event carries every
 * component, so anyone can see why an inquiry came first. Pure.
 */
public final class PriorityScore {

  /**
   * The facts the score weighs; amounts already in the base currency, nulls when unknown.
   *
   * @param lifetimeValue the customer master's lifetime value
   * @param finances what the ledger and the approved effects say of the customer, null when nothing
   */
  public record Factors(
      String urgency,
      BigDecimal amountAtRisk,
      BigDecimal lifetimeValue,
      Integer paybackMonths,
      String riskRating,
      String kycStatus,
      Finances finances) {

    /** Without ledger facts. */
    public Factors(
        String urgency,
        BigDecimal amountAtRisk,
        BigDecimal lifetimeValue,
        Integer paybackMonths,
        String riskRating,
        String kycStatus) {
      this(urgency, amountAtRisk, lifetimeValue, paybackMonths, riskRating, kycStatus, null);
    }
  }

  /**
   * The customer's payment behaviour and the value their approved effects added or took away, as of
   * the routing day (from {@code customer-financial-profiles}); amounts in the base currency.
   */
  public record Finances(
      String baseCurrency,
      BigDecimal overdue,
      int overdueInvoices,
      long oldestDaysOverdue,
      int brokenPromises,
      int openPromises,
      BigDecimal lifetimeValueAdjustment,
      int effects) {}

  /**
   * One part of the score.
   *
   * @param basis the facts behind the value in words, or null when the value speaks for itself
   */
  public record Component(String name, double value, double weight, double points, String basis) {

    public Component(String name, double value, double weight, double points) {
      this(name, value, weight, points, null);
    }
  }

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
    Finances money = f.finances();
    BigDecimal lifetimeValue = adjustedLifetimeValue(f.lifetimeValue(), money);
    add(
        components,
        "lifetimeValue",
        logScale(lifetimeValue, 7),
        money == null || money.effects() == 0 || f.lifetimeValue() == null
            ? null
            : "%s in the customer master, %s from %d approved effect%s"
                .formatted(
                    amount(money.baseCurrency(), f.lifetimeValue()),
                    signed(money.lifetimeValueAdjustment()),
                    money.effects(),
                    money.effects() == 1 ? "" : "s"));
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
    // Money the customer owes past its due date: a dispute or question that holds it up is worth
    // resolving first. Logarithmic like the amount at risk.
    add(
        components,
        "overdueExposure",
        money == null ? 0 : logScale(money.overdue(), 6),
        money == null || money.overdueInvoices() == 0
            ? null
            : "%s overdue on %d invoice%s, the oldest %d days"
                .formatted(
                    amount(money.baseCurrency(), money.overdue()),
                    money.overdueInvoices(),
                    money.overdueInvoices() == 1 ? "" : "s",
                    money.oldestDaysOverdue()));
    // Promises to pay that were broken (settled late, or still open after the day): one is half,
    // two or more the full weight.
    add(
        components,
        "brokenPromises",
        money == null ? 0 : Math.min(1.0, money.brokenPromises() / 2.0),
        money == null || money.brokenPromises() + money.openPromises() == 0
            ? null
            : "%d broken promise%s to pay, %d running"
                .formatted(
                    money.brokenPromises(),
                    money.brokenPromises() == 1 ? "" : "s",
                    money.openPromises()));
    double total = components.stream().mapToDouble(Component::points).sum();
    return new Score((int) Math.round(Math.min(100, total)), List.copyOf(components));
  }

  private void add(List<Component> components, String name, double value) {
    add(components, name, value, null);
  }

  private void add(List<Component> components, String name, double value, String basis) {
    double weight = weights.getOrDefault(name, 0.0);
    double rounded = Math.round(value * 1000) / 1000.0;
    components.add(
        new Component(name, rounded, weight, Math.round(rounded * weight * 100) / 100.0, basis));
  }

  /** The master's lifetime value moved by what the approved effects booked, never below zero. */
  static BigDecimal adjustedLifetimeValue(BigDecimal master, Finances finances) {
    if (master == null || finances == null || finances.lifetimeValueAdjustment() == null) {
      return master;
    }
    return master.add(finances.lifetimeValueAdjustment()).max(BigDecimal.ZERO);
  }

  private static String amount(String currency, BigDecimal value) {
    return currency + " " + String.format(Locale.ROOT, "%,.2f", value);
  }

  private static String signed(BigDecimal value) {
    return (value.signum() >= 0 ? "+" : "") + String.format(Locale.ROOT, "%,.2f", value);
  }

  private static double logScale(BigDecimal amount, int decades) {
    if (amount == null || amount.signum() <= 0) {
      return 0;
    }
    return Math.min(1.0, Math.log10(1 + amount.doubleValue()) / decades);
  }
}
