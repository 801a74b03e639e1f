package org.example.inquiry.router.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.PriorityComponent;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Consume-route-produce in one Kafka transaction. */
@Component
class InquiryClassifiedListener {

  private static final Logger log = LoggerFactory.getLogger(InquiryClassifiedListener.class);

  private final RoutingPolicy policy = new RoutingPolicy();
  private final KafkaTemplate<Object, Object> template;
  private final Clock clock = Clock.systemUTC();

  InquiryClassifiedListener(KafkaTemplate<Object, Object> template) {
    this.template = template;
  }

  @KafkaListener(topics = "inquiries-classified")
  void on(InquiryClassified classified) {
    List<String> types = classified.getTypes().stream().map(TypeScore::getType).toList();
    var context = classified.getContext();
    RouteDecision decision =
        policy.route(
            new RoutingPolicy.Inquiry(
                types,
                classified.getUrgency().name(),
                classified.getTriage(),
                classified.getTriageReason(),
                context.getCustomerId() != null,
                context.getAmount() == null ? null : context.getAmount().getAmount(),
                context.getReceivedAt()));
    List<TeamAssignment> teams = new ArrayList<>();
    for (int i = 0; i < decision.teams().size(); i++) {
      teams.add(new TeamAssignment(decision.teams().get(i), i == 0, null));
    }
    InquiryRouted routed =
        InquiryRouted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(classified.getInquiryId())
            .setOccurredAt(clock.instant())
            .setContext(context)
            .setTypes(types)
            .setUrgency(classified.getUrgency())
            .setTeams(teams)
            .setTriage(decision.triage())
            .setReason(decision.reason())
            .setRoutingRuleId(decision.ruleId())
            .setPriority(decision.priority())
            .setPriorityComponents(
                decision.components().stream()
                    .map(c -> new PriorityComponent(c.name(), c.value(), c.weight(), c.points()))
                    .toList())
            .setResponseDueAt(decision.responseDueAt())
            .setResolutionDueAt(decision.resolutionDueAt())
            .setSlaCalendar("24x7")
            .setApprovalRequirements(List.of())
            .setExcludedPeople(List.of())
            .setPolicyVersion(RoutingPolicy.VERSION)
            .build();
    template.send(Topics.INQUIRIES_ROUTED.name(), classified.getInquiryId(), routed);
    log.info(
        "Routed inquiry {} to {} with priority {}",
        classified.getInquiryId(),
        decision.teams(),
        decision.priority());
  }
}
