package org.example.inquiry.router.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.example.inquiry.router.assignment.OpenAssignments.Assignees;
import org.junit.jupiter.api.Test;

class OpenAssignmentsTest {

  @Test
  void aRoutingAssignsAndAResolutionReleases() {
    Assignees two = new Assignees(List.of("ana", "ben"));
    assertThat(OpenAssignments.deltas(null, two)).isEqualTo(Map.of("ana", 1, "ben", 1));
    assertThat(OpenAssignments.deltas(two, null)).isEqualTo(Map.of("ana", -1, "ben", -1));
  }

  @Test
  void aSecondRoutingMovesOnlyWhatChanged() {
    assertThat(
            OpenAssignments.deltas(
                new Assignees(List.of("ana", "ben")), new Assignees(List.of("ben", "cy"))))
        .isEqualTo(Map.of("ana", -1, "cy", 1));
  }

  @Test
  void anAgentOnTwoTeamsOfOneInquiryCountsOnceAndUnassignedInquiriesCountForNobody() {
    assertThat(OpenAssignments.deltas(null, new Assignees(List.of("ana", "ana"))))
        .isEqualTo(Map.of("ana", 1));
    assertThat(OpenAssignments.deltas(null, new Assignees(List.of()))).isEmpty();
    assertThat(OpenAssignments.deltas(null, null)).isEmpty();
  }
}
