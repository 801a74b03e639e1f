package org.example.inquiry.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
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
    kafka.createTopics(Topics.INQUIRIES_CLASSIFIED, Topics.CUSTOMERS, Topics.INQUIRIES_RESOLVED);
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

  static void send(String topic, String key, SpecificRecord value) {
    new TopicWriter(kafka).send(topic, key, value);
  }

  @Test
  void theSeedCaseIsRoutedToOperationsAndBillingWithApprovalsExclusionsAndDueTimes() {
    String inquiryId = "seed-" + UUID.randomUUID();
    var received = Events.aReceivedInquiry(inquiryId);
    send(
        Topics.INQUIRIES_CLASSIFIED.name(),
        inquiryId,
        InquiryClassified.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(inquiryId)
            .setOccurredAt(Instant.now())
            .setContext(Events.contextOf(received))
            .setTypes(
                List.of(
                    new TypeScore("logistics-billing", 0.93, "RULE_AND_MODEL"),
                    new TypeScore("billing-discrepancy", 0.71, "MODEL")))
            .setUrgency(Urgency.HIGH)
            .setTriage(false)
            .setDecidedBy("RULES_AND_MODEL")
            .setRulesVersion("test")
            .build());

    InquiryRouted routed =
        new TopicReader(kafka)
            .firstValue(Topics.INQUIRIES_ROUTED.name(), inquiryId, Duration.ofSeconds(60));

    assertThat(routed.getTeams())
        .extracting(TeamAssignment::getTeam)
        .containsExactly("operations", "billing");
    assertThat(routed.getTeams().get(0).getLead()).isTrue();
    assertThat(routed.getTeams().get(0).getAssignee()).isIn("omar", "olga");
    assertThat(routed.getTeams().get(1).getAssignee()).isNotNull().isNotEqualTo("am.jsmith");
    assertThat(routed.getExcludedPeople()).containsExactly("am.jsmith");
    assertThat(routed.getRoutingRuleId()).isEqualTo("logistics-with-billing+billing");
    assertThat(routed.getPriorityComponents()).hasSize(6);
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
