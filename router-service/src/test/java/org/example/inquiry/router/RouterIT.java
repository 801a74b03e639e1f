package org.example.inquiry.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.example.inquiry.router.assignment.OpenLoad;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.RiskRating;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.PoisonRecords;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The routing stage on a real broker: classified in, routed out, in one transaction per record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouterIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void upstreamTopicsAndCustomerMaster() {
    kafka.createTopics(
        Topics.INQUIRIES_CLASSIFIED,
        Topics.CUSTOMERS,
        Topics.INQUIRIES_RESOLVED,
        Topics.OPEN_ITEMS,
        Topics.FINANCIAL_EFFECTS_APPROVED);
    send(
        Topics.CUSTOMERS.name(),
        "C-1001",
        Customer.newBuilder()
            .setCustomerId("C-1001")
            .setLegalName("Acme Industrial Supplies Ltd")
            .setSegment("ENTERPRISE")
            .setRegion("NA")
            .setContacts(List.of(new Contact("Dana Ortiz", "dana.ortiz@acme.example")))
            .setEmailDomains(List.of("acme.example"))
            .setKycStatus(KycStatus.VERIFIED)
            .setAccountManager("am.jsmith")
            .setLifetimeValue(new Money(new BigDecimal("2400000.0000"), "USD"))
            .setAcquisitionCostPaybackMonths(9)
            .setRiskRating(RiskRating.LOW)
            .setUpdatedAt(Instant.now())
            .build());
  }

  @Test
  void aCustomerBehindOnPaymentsIsRankedWithTheLedgerFactsEvenAfterAPoisonLedgerRecord() {
    String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
    send(
        Topics.CUSTOMERS.name(),
        customer,
        Customer.newBuilder()
            .setCustomerId(customer)
            .setLegalName("Borealis Foods GmbH")
            .setSegment("MID_MARKET")
            .setRegion("EMEA")
            .setKycStatus(KycStatus.VERIFIED)
            .setLifetimeValue(new Money(new BigDecimal("640000.0000"), "EUR"))
            .setRiskRating(RiskRating.MEDIUM)
            .setUpdatedAt(Instant.now())
            .build());
    // a record no deserializer can read goes to the dead letters; the view carries on
    new TopicWriter(kafka)
        .sendRaw(Topics.OPEN_ITEMS.name(), "INV-POISON-" + customer, new byte[] {0, 0, 0, 0, 7, 1});
    LocalDate today = LocalDate.now();
    send(
        Topics.OPEN_ITEMS.name(),
        "INV-A-" + customer,
        ledgerItem(
            "INV-A-" + customer,
            customer,
            "21000.00",
            today.minusDays(45),
            null,
            today.minusDays(10)));
    send(
        Topics.OPEN_ITEMS.name(),
        "INV-B-" + customer,
        ledgerItem(
            "INV-B-" + customer, customer, "0.00", today.minusDays(60), today.minusDays(58), null));

    CustomerFinancialProfile profile =
        new TopicReader(kafka)
                .<CustomerFinancialProfile>readUntil(
                    Topics.CUSTOMER_FINANCIAL_PROFILES.name(),
                    rs ->
                        rs.stream()
                            .anyMatch(
                                r ->
                                    customer.equals(r.key())
                                        && r.value() != null
                                        && r.value().getPayments().getSettledInvoices() == 1
                                        && r.value().getOpenReceivables().size() == 1),
                    Duration.ofSeconds(60))
                .stream()
                .filter(r -> customer.equals(r.key()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .value();
    assertThat(profile.getOpenReceivables().get(0).getOpenAmountInBase())
        .isEqualByComparingTo("22680"); // EUR 21,000 at 1.08
    assertThat(
            new TopicReader(kafka)
                .readRawUntil(
                    Topics.deadLetterOf(Topics.OPEN_ITEMS).name(),
                    rs -> rs.stream().anyMatch(r -> ("INV-POISON-" + customer).equals(r.key())),
                    Duration.ofSeconds(30)))
        .anySatisfy(r -> assertThat(r.key()).isEqualTo("INV-POISON-" + customer));

    String inquiryId = "behind-" + UUID.randomUUID();
    var received = Events.aReceivedInquiry(inquiryId);
    var context = Events.contextOf(received);
    context.setCustomerId(customer);
    InquiryRouted routed =
        classifyAndAwaitRouting(
            inquiryId,
            context,
            Urgency.NORMAL,
            new TypeScore("payment-status", 0.93, "RULE_AND_MODEL"));
    assertThat(routed.getPriorityComponents())
        .filteredOn(c -> c.getName().equals("overdueExposure"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPoints()).isPositive();
              assertThat(c.getBasis())
                  .isEqualTo("USD 22,680.00 overdue on 1 invoice, the oldest 15 days");
            });
    assertThat(routed.getPriorityComponents())
        .filteredOn(c -> c.getName().equals("brokenPromises"))
        .singleElement()
        .satisfies(c -> assertThat(c.getBasis()).isEqualTo("1 broken promise to pay, 0 running"));
  }

  static OpenItem ledgerItem(
      String number,
      String customer,
      String open,
      LocalDate issued,
      LocalDate paidOn,
      LocalDate promised) {
    BigDecimal openAmount = new BigDecimal(open).setScale(4);
    return OpenItem.newBuilder()
        .setDocumentNumber(number)
        .setDocumentType("INVOICE")
        .setCustomerId(customer)
        .setIssueDate(issued)
        .setDueDate(issued.plusDays(30))
        .setAmount(new Money(new BigDecimal("21000.0000"), "EUR"))
        .setOpenAmount(new Money(openAmount, "EUR"))
        .setStatus(openAmount.signum() == 0 ? "PAID" : "OVERDUE")
        .setPaidOn(paidOn)
        .setPromisedPaymentDate(promised)
        .setUpdatedAt(Instant.now())
        .build();
  }

  /** Publishes the classifier's decision and waits for the router's. */
  static InquiryRouted classifyAndAwaitRouting(
      String inquiryId, InquiryContext context, Urgency urgency, TypeScore... types) {
    send(
        Topics.INQUIRIES_CLASSIFIED.name(),
        inquiryId,
        InquiryClassified.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(inquiryId)
            .setOccurredAt(Instant.now())
            .setContext(context)
            .setTypes(List.of(types))
            .setUrgency(urgency)
            .setTriage(false)
            .setDecidedBy("RULES_AND_MODEL")
            .setRulesVersion("test")
            .build());
    return new TopicReader(kafka)
        .firstValue(Topics.INQUIRIES_ROUTED.name(), inquiryId, Duration.ofSeconds(60));
  }

  static void send(String topic, String key, SpecificRecord value) {
    new TopicWriter(kafka).send(topic, key, value);
  }

  @Test
  void theSeedCaseIsRoutedToOperationsAndBillingWithApprovalsExclusionsAndDueTimes() {
    String inquiryId = "seed-" + UUID.randomUUID();
    var received = Events.aReceivedInquiry(inquiryId);
    InquiryRouted routed =
        classifyAndAwaitRouting(
            inquiryId,
            Events.contextOf(received),
            Urgency.HIGH,
            new TypeScore("logistics-billing", 0.93, "RULE_AND_MODEL"),
            new TypeScore("billing-discrepancy", 0.71, "MODEL"));

    assertThat(routed.getTeams())
        .extracting(TeamAssignment::getTeam)
        .containsExactly("operations", "billing");
    assertThat(routed.getTeams().get(0).getLead()).isTrue();
    assertThat(routed.getTeams().get(0).getAssignee()).isIn("omar", "olga");
    assertThat(routed.getTeams().get(1).getAssignee()).isNotNull().isNotEqualTo("am.jsmith");
    assertThat(routed.getExcludedPeople()).containsExactly("am.jsmith");
    assertThat(routed.getRoutingRuleId()).isEqualTo("logistics-with-billing+billing");
    assertThat(routed.getPriorityComponents()).hasSize(8);
    assertThat(routed.getPriority()).isBetween(1, 100);
    assertThat(routed.getResponseDueAt()).isAfter(routed.getContext().getReceivedAt());
    assertThat(routed.getApprovalRequirements())
        .anySatisfy(
            r -> {
              assertThat(r.getActionType()).isEqualTo("REBILL");
              assertThat(r.getLevel()).isEqualTo("DUAL");
              assertThat(r.getAboveAmount().getAmount()).isEqualByComparingTo("10000");
            });
    assertThat(routed.getPolicyVersion()).isEqualTo("routing-2026.11-1");
  }

  @Autowired OpenLoad load;

  @Test
  void poisonOnTheOpenLoadViewsInputsIsDeadLetteredAndTheViewKeepsCounting() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> keys = new ArrayList<>();
    for (var topic : List.of(Topics.INQUIRIES_ROUTED, Topics.INQUIRIES_RESOLVED)) {
      for (var poison : PoisonRecords.forTopic(kafka, topic)) {
        String key = "poison-" + run + "-" + poison.kind();
        new TopicWriter(kafka).sendRaw(topic.name(), key, poison.value());
        keys.add(topic.name() + "/" + key + "/" + poison.reason());
      }
    }
    int before = load.snapshot().getOrDefault("omar", 0);
    String inquiryId = "load-" + run;
    send(
        Topics.INQUIRIES_ROUTED.name(), inquiryId, Events.aRoutedInquiry(inquiryId, Instant.now()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> load.snapshot().getOrDefault("omar", 0) == before + 1);

    send(
        Topics.INQUIRIES_RESOLVED.name(),
        inquiryId,
        InquiryResolved.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(inquiryId)
            .setOccurredAt(Instant.now())
            .setContext(Events.contextOf(Events.aReceivedInquiry(inquiryId)))
            .setResolvedBy("omar")
            .setResolutionCode("ANSWERED")
            .setFirstContactResolution(true)
            .build());
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> load.snapshot().getOrDefault("omar", 0) == before);

    for (String expected : keys) {
      String[] parts = expected.split("/", 3);
      var dead =
          new TopicReader(kafka)
                  .readRawUntil(
                      parts[0] + "-dlt",
                      rs -> rs.stream().anyMatch(r -> parts[1].equals(r.key())),
                      Duration.ofSeconds(30))
                  .stream()
                  .filter(r -> parts[1].equals(r.key()))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no dead letter for " + expected));
      assertThat(header(dead, "inquiry-dlt-reason")).as(expected).contains(parts[2]);
      assertThat(header(dead, "kafka_dlt-original-consumer-group"))
          .as(expected)
          .isEqualTo("router-service-views");
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(parts[0]);
      assertThat(header(dead, "kafka_dlt-original-offset")).isNotNull();
      assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotNull();
    }
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    if (header == null) {
      return null;
    }
    if (name.endsWith("-offset") || name.endsWith("-partition")) {
      return Arrays.toString(header.value());
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
