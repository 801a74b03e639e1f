package org.example.inquiry.router.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.example.inquiry.schemas.identity.PersonIds;

/**
 * Picks an agent for teams that assign automatically: someone with the skill for the inquiry's main
 * type and the fewest open inquiries, never a person excluded under segregation of duties. Ties go
 * alphabetically, so the choice is reproducible. Pure.
 */
public final class Assignment {

  /** An agent of a team's roster. */
  public record Agent(String id, Set<String> skills) {}

  private Assignment() {}

  public static Optional<String> pick(
      List<Agent> roster, String mainType, Set<String> excluded, Map<String, Integer> openLoad) {
    return roster.stream()
        .filter(a -> !PersonIds.isAmong(a.id(), excluded))
        .filter(a -> a.skills().contains(mainType) || a.skills().contains("*"))
        .min(
            Comparator.comparingInt((Agent a) -> openLoad.getOrDefault(a.id(), 0))
                .thenComparing(Agent::id))
        .map(Agent::id);
  }
}
