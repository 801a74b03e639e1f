package org.example.inquiry.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The classification stage on a real broker: received in, classified out in one transaction per
 * record, with a model trained at start from the fixture corpus and a rule from configuration.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "classifier.corpus=classpath:corpus/finance-inquiries-fixture.csv",
      "classifier.written-corpus=",
      // A model of 15 fixture rows is never confident enough for the default threshold (0.9).
      "classifier.triage-threshold=0.5",
      "classifier.rules[0].id=urgency:insolvency",
      "classifier.rules[0].action=URGENCY",
      "classifier.rules[0].pattern=insolven",
      "classifier.rules[0].urgency=CRITICAL"
    })
class ClassifierIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
  }

  @BeforeAll
  static void upstreamTopics() {
    kafka.createTopics(Topics.INQUIRIES_RECEIVED);
  }

  static void send(InquiryReceived value) {
    new TopicWriter(kafka).send(Topics.INQUIRIES_RECEIVED.name(), value.getInquiryId(), value);
  }

  static InquiryClassified classified(String inquiryId) {
    return new TopicReader(kafka)
        .<InquiryClassified>firstValue(
            Topics.INQUIRIES_CLASSIFIED.name(), inquiryId, Duration.ofSeconds(60));
  }

  @Test
  void theSeedCaseIsClassifiedByRulesAndModelWithProvenance() {
    String inquiryId = "seed-" + UUID.randomUUID();
    InquiryReceived received = Events.aReceivedInquiry(inquiryId);
    received.setBody(received.getBody() + " We may become insolvent over this.");
    send(received);

    InquiryClassified event = classified(inquiryId);

    assertThat(event.getTypes())
        .extracting(TypeScore::getType)
        .contains("letter-of-credit", "logistics-billing");
    assertThat(event.getTypes())
        .isSortedAccordingTo((a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
    assertThat(event.getUrgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(event.getFiredRules())
        .contains("urgency:insolvency", "type:letter-of-credit", "extract:amount");
    assertThat(event.getModelVersion())
        .startsWith("tfidf-embedding-knn-5+bge-small-en-v15-q.1000+corpus.");
    assertThat(event.getRulesVersion()).startsWith("keyword-rules-2+");
    assertThat(event.getTriage()).isFalse();
    assertThat(event.getContext().getCustomerId()).isEqualTo("C-1001");
  }

  @Test
  void emptyAndHugeInquiriesAreClassifiedOrTriagedWithoutError() {
    String empty = "empty-" + UUID.randomUUID();
    InquiryReceived blank = Events.aReceivedInquiry(empty);
    blank.setSubject(" ");
    blank.setBody("");
    blank.setReferences(List.of());
    String huge = "huge-" + UUID.randomUUID();
    InquiryReceived large = Events.aReceivedInquiry(huge);
    // 600,000 characters: far above what intake accepts (100,000), below the 768 KiB above which
    // every consumer dead-letters a record as oversize.
    large.setBody("Please send a copy of the invoice. " + "x".repeat(600_000));
    send(blank);
    send(large);

    InquiryClassified emptyEvent = classified(empty);
    InquiryClassified hugeEvent = classified(huge);

    assertThat(emptyEvent.getTriage()).isTrue();
    assertThat(emptyEvent.getDecidedBy()).isEqualTo("TRIAGE");
    assertThat(emptyEvent.getTriageReason()).contains("blank");
    assertThat(hugeEvent.getTypes()).extracting(TypeScore::getType).contains("invoice-copy");
  }
}
