package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.BatchAfterRollbackProcessor;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.util.backoff.FixedBackOff;

class InquiryReceivedListenerTest {

  @BeforeAll
  static void model() throws Exception {
    if (ClassifierTest.model == null) { // when run alone
      ClassifierTest.trainOnTheFixtureCorpus();
    }
  }

  @SuppressWarnings("unchecked")
  private final KafkaTemplate<Object, Object> template = mock(KafkaTemplate.class);

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private InquiryClassified published(Classifier classifier, InquiryReceived received) {
    // In the listener's transaction: events are sent, acknowledged at the end of the poll.
    when(template.inTransaction()).thenReturn(true);
    when(template.send(anyString(), any(), any()))
        .thenReturn(CompletableFuture.completedFuture(null));
    TransactionalBatches batches =
        new TransactionalBatches(
            mock(DeadLetterPublishingRecoverer.class),
            new BatchAfterRollbackProcessor<>(
                (r, e) -> {}, new FixedBackOff(0, 0), template, 3, 10, 10));
    new InquiryReceivedListener(
            new CurrentClassifier(classifier), new EventPublisher(template), batches, clock)
        .on(
            List.of(
                new ConsumerRecord<>(
                    "inquiries-received", 0, 0L, received.getInquiryId(), received)),
            mock(Consumer.class));
    ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
    InOrder order = inOrder(template);
    order
        .verify(template)
        .send(eq("inquiries-classified"), eq(received.getInquiryId()), event.capture());
    // The poll's events go out at its end, not after linger.ms.
    order.verify(template).flush();
    return (InquiryClassified) event.getValue();
  }

  @Test
  void publishesTypesUrgencyAndProvenanceOfTheSeedCase() {
    // The small fixture model barely knows the letter of credit; every rule's type counts here.
    Classifier classifier =
        new Classifier(new KeywordRules(), ClassifierTest.model, 0.5, 0.3, "CRITICAL", 0.0);
    InquiryReceived received = Events.aReceivedInquiry("inq-1");
    received.setAmount(new Money(new BigDecimal("250000.0000"), "USD"));

    InquiryClassified event = published(classifier, received);

    assertThat(event.getInquiryId()).isEqualTo("inq-1");
    assertThat(event.getOccurredAt()).isEqualTo(clock.instant());
    assertThat(event.getTypes())
        .extracting(t -> t.getType())
        .contains("letter-of-credit", "logistics-billing", "billing-discrepancy");
    assertThat(event.getUrgency()).isEqualTo(Urgency.HIGH);
    assertThat(event.getFiredRules()).contains("urgency:large-amount", "type:letter-of-credit");
    assertThat(event.getRulesVersion()).isEqualTo(classifier.rulesVersion());
    assertThat(event.getModelVersion()).isEqualTo(classifier.modelVersion().orElseThrow());
    assertThat(event.getDecidedBy()).isIn("RULES", "RULES_AND_MODEL");
    assertThat(event.getTriage()).isFalse();
    assertThat(event.getContext().getCustomerId()).isEqualTo("C-1001");
  }

  @Test
  void anEmptyInquiryIsPublishedAsTriageWithoutAModelVersionWhenNoneIsLoaded() {
    InquiryReceived received = Events.aReceivedInquiry("inq-2");
    received.setSubject("");
    received.setBody("  ");
    received.setAmount(null);

    InquiryClassified event =
        published(new Classifier(new KeywordRules(), null, 0.5, 0.3), received);

    assertThat(event.getTriage()).isTrue();
    assertThat(event.getDecidedBy()).isEqualTo("TRIAGE");
    assertThat(event.getTriageReason()).isNotBlank();
    assertThat(event.getModelVersion()).isNull();
    assertThat(event.getTypes()).hasSize(1);
  }
}
