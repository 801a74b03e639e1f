package org.example.inquiry.router.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.router.assignment.OpenLoad;
import org.example.inquiry.router.config.RouterProperties;
import org.example.inquiry.router.config.RoutingConfiguration;
import org.example.inquiry.router.customers.CustomerFinances;
import org.example.inquiry.router.customers.CustomerMaster;
import org.example.inquiry.router.priority.PriorityScore;
import org.example.inquiry.schemas.ApprovalRequirement;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.ExchangeRate;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.PriorityComponent;
import org.example.inquiry.schemas.RerouteRequested;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.ledger.PaymentStanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consume-route-produce, a poll at a time in one Kafka transaction ({@link TransactionalBatches}):
 * maps the classified event and the customer master record to the router's input, and the decision
 * to {@code InquiryRouted}. The open load is read once per poll and the poll's own assignments are
 * added to it as it goes, so that a burst is balanced although the view lags behind.
 */
@Component
class InquiryClassifiedListener {

  private static final Logger log = LoggerFactory.getLogger(InquiryClassifiedListener.class);

  private final Router router;
  private final RoutingConfiguration.Fx fx;
  private final CustomerMaster customers;
  private final CustomerFinances finances;
  private final OpenLoad load;
  private final EventPublisher publisher;
  private final TransactionalBatches batches;
  private final String policyVersion;
  private final Clock clock = Clock.systemUTC();

  InquiryClassifiedListener(
      Router router,
      RoutingConfiguration.Fx fx,
      CustomerMaster customers,
      CustomerFinances finances,
      OpenLoad load,
      EventPublisher publisher,
      TransactionalBatches batches,
      RouterProperties properties) {
    this.router = router;
    this.fx = fx;
    this.customers = customers;
    this.finances = finances;
    this.load = load;
    this.publisher = publisher;
    this.batches = batches;
    this.policyVersion = properties.policyVersion();
  }

  @KafkaListener(topics = Topics.Names.INQUIRIES_CLASSIFIED, batch = "true")
  void on(List<ConsumerRecord<String, InquiryClassified>> records, Consumer<?, ?> consumer) {
    Map<String, Integer> openLoad = new HashMap<>(load.snapshot());
    batches.process(records, consumer, record -> route(record.value(), openLoad));
  }

  /**
   * Reroutes: the teams someone asked for (resolution checked the names; a name the routing
   * configuration does not have is dead-lettered with the reason), the inquiry as the case holds
   * it.
   */
  @KafkaListener(topics = Topics.Names.REROUTES_REQUESTED, batch = "true")
  void onReroute(List<ConsumerRecord<String, RerouteRequested>> records, Consumer<?, ?> consumer) {
    Map<String, Integer> openLoad = new HashMap<>(load.snapshot());
    batches.process(records, consumer, record -> reroute(record.value(), openLoad));
  }

  private void route(InquiryClassified classified, Map<String, Integer> openLoad) {
    var context = classified.getContext();
    Customer customer = customers.byId(context.getCustomerId()).orElse(null);
    List<String> types = classified.getTypes().stream().map(TypeScore::getType).toList();
    RouteDecision decision =
        router.decide(
            input(
                context,
                customer,
                types,
                classified.getUrgency(),
                classified.getTriage(),
                classified.getTriageReason()),
            customer == null ? null : customerFacts(customer),
            openLoad);
    publish(classified.getInquiryId(), context, types, classified.getUrgency(), decision, openLoad);
  }

  private void reroute(RerouteRequested request, Map<String, Integer> openLoad) {
    var context = request.getContext();
    Customer customer = customers.byId(context.getCustomerId()).orElse(null);
    RouteDecision decision;
    try {
      decision =
          router.reroute(
              input(context, customer, request.getTypes(), request.getUrgency(), false, null),
              customer == null ? null : customerFacts(customer),
              openLoad,
              request.getTeams(),
              request.getRequestedBy(),
              request.getReason());
    } catch (IllegalArgumentException refused) {
      throw new InvalidEventException(
          "reroute of " + request.getInquiryId() + " refused: " + refused.getMessage());
    }
    publish(
        request.getInquiryId(),
        context,
        request.getTypes(),
        request.getUrgency(),
        decision,
        openLoad);
  }

  private Router.Input input(
      InquiryContext context,
      Customer customer,
      List<String> types,
      Urgency urgency,
      boolean triage,
      String triageReason) {
    BigDecimal baseAmount =
        context.getAmount() == null
            ? null
            : fx.toBase(context.getAmount().getAmount(), context.getAmount().getCurrency());
    return new Router.Input(
        new RoutingPolicy.Inquiry(
            types,
            urgency.name(),
            triage,
            triageReason,
            context.getCustomerId() != null,
            context.getSegment() != null
                ? context.getSegment()
                : customer == null ? null : customer.getSegment(),
            context.getRegion() != null
                ? context.getRegion()
                : customer == null ? null : customer.getRegion(),
            context.getChannel().name(),
            baseAmount),
        context.getKycStatus().name(),
        context.getReceivedAt());
  }

  private void publish(
      String inquiryId,
      InquiryContext context,
      List<String> types,
      Urgency urgency,
      RouteDecision decision,
      Map<String, Integer> openLoad) {
    publisher.publish(
        Topics.INQUIRIES_ROUTED.name(),
        inquiryId,
        toEvent(inquiryId, context, types, urgency, decision));
    decision.teams().stream()
        .map(RouteDecision.Team::assignee)
        .filter(a -> a != null)
        .forEach(a -> openLoad.merge(a, 1, Integer::sum));
    // One line per inquiry: DEBUG, the inquiries-routed event is the record of it.
    if (log.isDebugEnabled()) {
      log.debug(
          "Routed inquiry {} to {} (rule {}, priority {}{})",
          inquiryId,
          decision.teams().stream()
              .map(t -> t.team() + (t.assignee() == null ? "" : "/" + t.assignee()))
              .toList(),
          decision.ruleId(),
          decision.priority().value(),
          decision.triage() ? ", triage" : "");
    }
  }

  private Router.Customer customerFacts(Customer customer) {
    PriorityScore.Finances money =
        finances
            .byId(customer.getCustomerId())
            .map(p -> PaymentStanding.of(p, LocalDate.now(clock)))
            .map(
                s ->
                    new PriorityScore.Finances(
                        s.baseCurrency(),
                        s.overdueInBase(),
                        s.overdueInvoices(),
                        s.oldestDaysOverdue(),
                        s.brokenPromises(),
                        s.openPromises(),
                        s.valueAdjustmentInBase(),
                        s.effects()))
            .orElse(null);
    return new Router.Customer(
        customer.getCustomerId(),
        customer.getAccountManager(),
        customer.getLifetimeValue() == null
            ? null
            : fx.toBase(
                customer.getLifetimeValue().getAmount(), customer.getLifetimeValue().getCurrency()),
        customer.getAcquisitionCostPaybackMonths(),
        customer.getRiskRating().name(),
        money);
  }

  private InquiryRouted toEvent(
      String inquiryId,
      InquiryContext context,
      List<String> types,
      Urgency urgency,
      RouteDecision decision) {
    return InquiryRouted.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(clock.instant())
        .setContext(context)
        .setTypes(types)
        .setUrgency(urgency)
        .setTeams(
            decision.teams().stream()
                .map(
                    t ->
                        new TeamAssignment(
                            t.team(), t.lead(), t.assignee(), t.supervisor(), t.reason()))
                .toList())
        .setTriage(decision.triage())
        .setReason(decision.reason())
        .setRoutingRuleId(decision.ruleId())
        .setPriority(decision.priority().value())
        .setPriorityComponents(
            decision.priority().components().stream()
                .map(
                    c ->
                        new PriorityComponent(
                            c.name(), c.value(), c.weight(), c.points(), c.basis()))
                .toList())
        .setResponseDueAt(decision.responseDueAt())
        .setResolutionDueAt(decision.resolutionDueAt())
        .setSlaCalendar(decision.slaCalendar())
        .setApprovalRequirements(
            decision.approvals().stream()
                .map(
                    r ->
                        new ApprovalRequirement(
                            r.actionType(),
                            new Money(
                                r.tier().above().setScale(4, RoundingMode.HALF_UP),
                                fx.baseCurrency()),
                            r.tier().level(),
                            r.tier().role() == null ? "" : r.tier().role()))
                .toList())
        .setExcludedPeople(decision.excludedPeople())
        .setPolicyVersion(policyVersion)
        .setExchangeRates(
            new TreeMap<>(fx.toBase())
                .entrySet().stream()
                    .map(
                        rate ->
                            new ExchangeRate(
                                rate.getKey(), rate.getValue().setScale(8, RoundingMode.HALF_UP)))
                    .toList())
        .build();
  }
}
