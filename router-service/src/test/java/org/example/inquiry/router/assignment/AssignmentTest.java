package org.example.inquiry.router.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentTest {

  final List<Assignment.Agent> roster =
      List.of(
          new Assignment.Agent("alice", Set.of("refund")),
          new Assignment.Agent("ben", Set.of("refund")),
          new Assignment.Agent("chloe", Set.of("*")));

  @Test
  void picksTheSkilledAgentWithTheLeastOpenLoad() {
    assertThat(
            Assignment.pick(roster, "refund", Set.of(), Map.of("alice", 3, "ben", 1, "chloe", 2)))
        .contains("ben");
  }

  @Test
  void neverPicksAnExcludedPerson() {
    assertThat(
            Assignment.pick(
                roster, "refund", Set.of("ben"), Map.of("alice", 3, "ben", 0, "chloe", 5)))
        .contains("alice");
    assertThat(Assignment.pick(roster, "refund", Set.of("alice", "ben", "chloe"), Map.of()))
        .isEmpty();
  }

  @Test
  void withoutTheSkillOnlyTheGeneralistQualifiesAndTiesGoAlphabetically() {
    assertThat(Assignment.pick(roster, "treasury-fx", Set.of(), Map.of())).contains("chloe");
    assertThat(Assignment.pick(roster, "refund", Set.of(), Map.of())).contains("alice");
  }
}
