package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rerouting: the request on the case, and the router's answer folded in. */
class RerouteTest {

  final CaseWorkflow workflow = new CaseWorkflow(Map.of("USD", BigDecimal.ONE), 0.75);

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  static CaseCommand reroute(String actor, List<String> teams, String reason) {
    return new CaseCommand.Reroute(Cases.issued(actor, Set.of("agent")), teams, reason);
  }

  @Test
  void aRerouteRequestIsOnTheTimelineAndAskedOfTheRouterWithTheCaseAsItIs() {
    InquiryCase opened = opened();
    Step asked =
        workflow.handle(opened, reroute("ben", List.of("billing", "collections"), "a dispute"));

    assertThat(asked.outcome().accepted()).isTrue();
    assertThat(asked.next().teams()).isEqualTo(opened.teams()); // until the router answers
    assertThat(asked.next().timeline())
        .last()
        .satisfies(
            t -> {
              assertThat(t.event()).isEqualTo(Activity.REROUTE_REQUESTED);
              assertThat(t.detail())
                  .isEqualTo(
                      "teams [operations, billing] -> [billing, collections] requested: a dispute");
            });
    assertThat(asked.events())
        .filteredOn(CaseEvent.RerouteRequested.class::isInstance)
        .singleElement()
        .satisfies(
            e -> {
              CaseEvent.RerouteRequested r = (CaseEvent.RerouteRequested) e;
              assertThat(r.teams()).containsExactly("billing", "collections");
              assertThat(r.requestedBy()).isEqualTo("ben");
              assertThat(r.routedCase().types()).isEqualTo(opened.types());
              assertThat(r.routedCase().context()).isEqualTo(opened.context());
            });
  }

  @Test
  void aRerouteThatCannotBeDoneIsRefusedWithTheReason() {
    InquiryCase opened = opened();
    assertThat(refusal(opened, reroute("ben", List.of(), "x"))).contains("1 to 5 team names");
    assertThat(refusal(opened, reroute("ben", List.of("Billing!"), "x")))
        .contains("not team names: [Billing!]");
    assertThat(refusal(opened, reroute("ben", List.of("billing", "billing"), "x")))
        .contains("named twice");
    assertThat(refusal(opened, reroute("ben", List.of("billing"), " "))).contains("needs a reason");
    assertThat(refusal(opened, reroute("ben", List.of("operations", "billing"), "x")))
        .contains("already routed to [operations, billing]");
    assertThat(refusal(opened, reroute("am.jsmith", List.of("billing"), "x")))
        .contains("segregation of duties");
  }

  String refusal(InquiryCase c, CaseCommand command) {
    Step step = workflow.handle(c, command);
    assertThat(step.outcome().accepted()).as(command.toString()).isFalse();
    return step.outcome().refusal().reason();
  }

  @Test
  void theRoutersAnswerMovesTheCaseToTheNewTeamsAndTheNewLeadTeamsAssignee() {
    InquiryCase opened = opened();
    assertThat(opened.assignee()).isEqualTo("omar"); // operations leads
    InquiryCase rerouting =
        Cases.routed(
            r -> {
              r.teams =
                  List.of(
                      new InquiryCase.Team("billing", true, "ben", "sup.billing"),
                      new InquiryCase.Team("collections", false, null, "sup.collections"));
            });
    Step answered = workflow.routed(opened, rerouting, Cases.RECEIVED.plus(Duration.ofHours(2)));

    InquiryCase now = answered.next();
    assertThat(now.teams())
        .extracting(InquiryCase.Team::team)
        .containsExactly("billing", "collections");
    assertThat(now.assignee()).as("the new lead team's assignee").isEqualTo("ben");
    assertThat(now.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(now.timeline())
        .last()
        .extracting(InquiryCase.TimelineEntry::event)
        .isEqualTo(Activity.ROUTED);
  }
}
