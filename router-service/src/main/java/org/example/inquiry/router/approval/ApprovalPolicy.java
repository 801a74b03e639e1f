package org.example.inquiry.router.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which financial actions need approval and at what level, by action type and amount: a ladder of
 * tiers per action type (NONE, SINGLE, DUAL above a threshold, ELEVATED to a higher role above
 * another). Amounts are compared in the base currency. Pure.
 */
public final class ApprovalPolicy {

  /** One rung: actions above {@code above} need {@code level} from {@code role}. */
  public record Tier(BigDecimal above, String level, String role) {}

  /** The level an action of a given size needs, with the tier it came from. */
  public record Requirement(String actionType, Tier tier) {}

  private final Map<String, List<Tier>> ladders;

  public ApprovalPolicy(Map<String, List<Tier>> ladders) {
    this.ladders = Map.copyOf(ladders);
  }

  /** The full ladder of every action type, lowest tier first: routed with the inquiry. */
  public List<Requirement> ladder() {
    List<Requirement> all = new ArrayList<>();
    ladders.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                e.getValue().stream()
                    .sorted(Comparator.comparing(Tier::above))
                    .forEach(t -> all.add(new Requirement(e.getKey(), t))));
    return all;
  }

  /** The tier that applies to an action of this type and base-currency amount. */
  public Optional<Requirement> requirementFor(String actionType, BigDecimal baseAmount) {
    List<Tier> ladder = ladders.get(actionType);
    if (ladder == null) {
      return Optional.empty();
    }
    return ladder.stream()
        .filter(t -> baseAmount.compareTo(t.above()) > 0)
        .max(Comparator.comparing(Tier::above))
        .map(t -> new Requirement(actionType, t));
  }
}
