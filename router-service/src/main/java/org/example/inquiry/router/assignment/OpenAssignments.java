package org.example.inquiry.router.assignment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an inquiry's event changes the open load per agent: a routing assigns its assignees (and
 * releases whoever it had before, should it be routed again), a resolution releases them. Pure.
 */
public final class OpenAssignments {

  /** The agents an open inquiry is assigned to, as the router's view stores them. */
  public record Assignees(List<String> agents) {
    public Assignees {
      agents = agents == null ? List.of() : List.copyOf(agents);
    }
  }

  private OpenAssignments() {}

  /**
   * Change of open inquiries per agent when an inquiry's assignees go from {@code before} to {@code
   * after} (either may be null: not open). Agents whose count does not change are left out.
   */
  public static Map<String, Integer> deltas(Assignees before, Assignees after) {
    Map<String, Integer> deltas = new TreeMap<>();
    if (before != null) {
      before.agents().stream().distinct().forEach(a -> deltas.merge(a, -1, Integer::sum));
    }
    if (after != null) {
      after.agents().stream().distinct().forEach(a -> deltas.merge(a, 1, Integer::sum));
    }
    deltas.values().removeIf(d -> d == 0);
    return deltas;
  }
}
