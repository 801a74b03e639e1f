package org.example.inquiry.classifier.classification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryContext;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.TypeScore;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Consume-classify-produce in one Kafka transaction: the classified event and the consumed offset
 * commit together, so a crash neither loses nor duplicates a classification downstream.
 */
@Component
class InquiryReceivedListener {

  private static final Logger log = LoggerFactory.getLogger(InquiryReceivedListener.class);

  private final CurrentClassifier current;
  private final KafkaTemplate<Object, Object> template;
  private final Clock clock;

  @Autowired
  InquiryReceivedListener(CurrentClassifier current, KafkaTemplate<Object, Object> template) {
    this(current, template, Clock.systemUTC());
  }

  InquiryReceivedListener(
      CurrentClassifier current, KafkaTemplate<Object, Object> template, Clock clock) {
    this.current = current;
    this.template = template;
    this.clock = clock;
  }

  @KafkaListener(topics = "inquiries-received")
  void on(InquiryReceived received) {
    // One snapshot per inquiry: a promotion in between must not mix two models' decision and
    // version.
    Classifier classifier = current.get();
    Classification decision =
        classifier.classify(
            received.getSubject(),
            received.getBody(),
            received.getAmount() == null ? null : received.getAmount().getAmount());
    InquiryClassified classified = toEvent(received, decision, classifier);
    template.send(Topics.INQUIRIES_CLASSIFIED.name(), received.getInquiryId(), classified);
    log.info(
        "Classified inquiry {} as {} ({}, urgency {}, rules {})",
        received.getInquiryId(),
        decision.types().stream().map(Classification.TypeScore::type).toList(),
        decision.decidedBy(),
        decision.urgency(),
        decision.firedRules());
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
    return InquiryContext.newBuilder(contextOf(received))
        .setReferences(withInvoicesFound(received.getReferences(), found))
        .build();
  }

  static List<Reference> withInvoicesFound(List<Reference> stated, List<ExtractedReference> found) {
    java.util.LinkedHashMap<String, Reference> all = new java.util.LinkedHashMap<>();
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

  static InquiryContext contextOf(InquiryReceived received) {
    return InquiryContext.newBuilder()
        .setReceivedAt(received.getOccurredAt())
        .setChannel(received.getChannel())
        .setCustomerId(received.getCustomerId())
        .setSegment(received.getSegment())
        .setRegion(received.getRegion())
        .setKycStatus(received.getKycStatus())
        .setSenderIsRegisteredContact(received.getSenderIsRegisteredContact())
        .setReferencesBelongToCustomer(received.getReferencesBelongToCustomer())
        .setAmount(received.getAmount())
        .setReferences(received.getReferences())
        .build();
  }
}
