package org.example.inquiry.classifier.classification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.context.InquiryContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consume-classify-produce, a poll at a time in one Kafka transaction: the classified events and
 * the poll's offsets commit together, so a crash neither loses nor duplicates a classification
 * downstream. The poll's inquiries are classified together ({@link Classifier#classifyAll}: one
 * batched embedding), by one snapshot of the classifier; a record that cannot be classified is
 * dead-lettered or retried on its own ({@link TransactionalBatches}).
 */
@Component
class InquiryReceivedListener {

  private static final Logger log = LoggerFactory.getLogger(InquiryReceivedListener.class);

  private final CurrentClassifier current;
  private final EventPublisher publisher;
  private final TransactionalBatches batches;
  private final Clock clock;

  @Autowired
  InquiryReceivedListener(
      CurrentClassifier current, EventPublisher publisher, TransactionalBatches batches) {
    this(current, publisher, batches, Clock.systemUTC());
  }

  InquiryReceivedListener(
      CurrentClassifier current,
      EventPublisher publisher,
      TransactionalBatches batches,
      Clock clock) {
    this.current = current;
    this.publisher = publisher;
    this.batches = batches;
    this.clock = clock;
  }

  @KafkaListener(topics = "inquiries-received", batch = "true")
  void on(List<ConsumerRecord<String, InquiryReceived>> records, Consumer<?, ?> consumer) {
    // One snapshot per poll: a promotion in between must not mix two models' decisions and
    // versions.
    Classifier classifier = current.get();
    batches.process(
        records,
        consumer,
        received ->
            classifier.classifyAll(received.stream().map(InquiryReceivedListener::input).toList()),
        (record, decision) -> publish(record.value(), decision, classifier));
  }

  static Classifier.Input input(InquiryReceived received) {
    return new Classifier.Input(
        received.getSubject(),
        received.getBody(),
        received.getAmount() == null ? null : received.getAmount().getAmount());
  }

  void publish(InquiryReceived received, Classification decision, Classifier classifier) {
    InquiryClassified classified = toEvent(received, decision, classifier);
    publisher.publish(Topics.INQUIRIES_CLASSIFIED.name(), received.getInquiryId(), classified);
    // One line per inquiry: DEBUG, the inquiries-classified event is the record of it.
    if (log.isDebugEnabled()) {
      log.debug(
          "Classified inquiry {} as {} ({}, urgency {}, rules {})",
          received.getInquiryId(),
          decision.types().stream().map(Classification.TypeScore::type).toList(),
          decision.decidedBy(),
          decision.urgency(),
          decision.firedRules());
    }
  }

  InquiryClassified toEvent(
      InquiryReceived received, Classification decision, Classifier classifier) {
    return InquiryClassified.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(received.getInquiryId())
        .setOccurredAt(clock.instant())
        .setContext(contextOf(received, decision.references()))
        .setTypes(
            decision.types().stream()
                .map(t -> new TypeScore(t.type(), t.confidence(), t.source()))
                .toList())
        .setUrgency(Urgency.valueOf(decision.urgency()))
        .setTriage(decision.triage())
        .setTriageReason(decision.triageReason())
        .setDecidedBy(decision.decidedBy())
        .setModelVersion(classifier.modelVersion().orElse(null))
        .setRulesVersion(classifier.rulesVersion())
        .setFiredRules(decision.firedRules())
        .build();
  }

  /**
   * The context downstream stages work from: intake's facts, with the invoice numbers found in the
   * text added to the references the sender stated (an emailed "please resend INV-…" quotes its
   * invoice only in the text). Resolution still checks every invoice against the ledger.
   */
  static InquiryContext contextOf(InquiryReceived received, List<ExtractedReference> found) {
    return InquiryContext.newBuilder(InquiryContexts.of(received))
        .setReferences(withInvoicesFound(received.getReferences(), found))
        .build();
  }

  static List<Reference> withInvoicesFound(List<Reference> stated, List<ExtractedReference> found) {
    LinkedHashMap<String, Reference> all = new LinkedHashMap<>();
    stated.forEach(r -> all.put(r.getKind() + ":" + r.getValue().trim().toUpperCase(), r));
    found.stream()
        .filter(r -> "INVOICE".equals(r.kind()))
        .forEach(
            r ->
                all.putIfAbsent(
                    "INVOICE:" + r.value().toUpperCase(),
                    new Reference(ReferenceKind.INVOICE, r.value())));
    return List.copyOf(all.values());
  }
}
