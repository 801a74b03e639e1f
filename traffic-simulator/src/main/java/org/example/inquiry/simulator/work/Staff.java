package org.example.inquiry.simulator.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The people who work cases: the router's rosters for its AUTO teams (billing, operations), agents
 * for the QUEUE teams (who claim from the queue), and the approvers. Names of the rosters follow
 * router-service's {@code router.teams}.
 */
public final class Staff {

  static final Map<String, List<String>> AGENTS =
      Map.of(
          "billing", List.of("alice", "ben", "chloe"),
          "operations", List.of("omar", "olga"),
          "credit", List.of("carl", "cora"),
          "collections", List.of("cole", "cleo"),
          "treasury", List.of("tess", "theo"),
          "master-data", List.of("mia", "max"),
          "triage", List.of("tom", "tina"));
  static final List<String> ANY_TEAM = List.of("gus", "gina");
  static final List<String> APPROVERS = List.of("ivy", "jon", "kim", "lee");

  private Staff() {}

  /** Agents of a team, none of them excluded; falls back to generalists. */
  static List<String> agentsOf(String team, Collection<String> excluded) {
    List<String> pool = new ArrayList<>(AGENTS.getOrDefault(team, ANY_TEAM));
    pool.removeAll(excluded);
    if (pool.isEmpty()) {
      pool.addAll(ANY_TEAM);
      pool.removeAll(excluded);
    }
    return pool;
  }

  /** Whether {@code person} is one of the simulated agents (so it can act as them). */
  static boolean isAgent(String person) {
    return person != null
        && (ANY_TEAM.contains(person)
            || AGENTS.values().stream().anyMatch(list -> list.contains(person)));
  }

  /** The approvers in a random order, never the maker, never an excluded person. */
  static List<String> approversFor(String maker, Collection<String> excluded, RandomGenerator r) {
    List<String> pool = new ArrayList<>(APPROVERS);
    pool.remove(maker);
    pool.removeAll(excluded);
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return pool;
  }
}
