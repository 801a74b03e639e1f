package org.example.inquiry.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.example.inquiry.platform.kafka.TransactionalBatches;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A batch listener as the services have them: reads {@code inquiries-routed} a poll at a time and
 * publishes each event again to {@code inquiries-worked} (the test reads what committed). The
 * event's reason drives failures: INVALID (bad data), FLAKY (fails its first attempt), BROKEN
 * (always fails), UNPREPARABLE (fails the batch preparation).
 */
@Component
class BatchTestListener {

  static final String TOPIC = Topics.INQUIRIES_ROUTED.name();
  static final String OUT = Topics.INQUIRIES_WORKED.name();
  static final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  static final List<Integer> pollSizes = new CopyOnWriteArrayList<>();

  private final TransactionalBatches batches;
  private final EventPublisher publisher;

  BatchTestListener(TransactionalBatches batches, EventPublisher publisher) {
    this.batches = batches;
    this.publisher = publisher;
  }

  @KafkaListener(
      id = "platform-it-batch",
      groupId = "platform-it-batch",
      topics = "inquiries-routed",
      batch = "true",
      autoStartup = "true")
  void on(List<ConsumerRecord<String, InquiryRouted>> records, Consumer<?, ?> consumer) {
    pollSizes.add(records.size());
    batches.process(
        records,
        consumer,
        values -> {
          if (values.stream().anyMatch(v -> v.getReason().startsWith("UNPREPARABLE"))) {
            throw new InvalidEventException("cannot prepare an UNPREPARABLE event");
          }
          return values.stream().map(InquiryRouted::getReason).toList();
        },
        (record, reason) -> {
          InquiryRouted event = record.value();
          int attempt = attempts.merge(event.getInquiryId(), 1, Integer::sum);
          if (reason.startsWith("INVALID")) {
            throw new InvalidEventException("reason marked invalid for the test");
          }
          if (reason.startsWith("FLAKY") && attempt == 1) {
            throw new IllegalStateException("flaky for the test, first attempt");
          }
          if (reason.startsWith("BROKEN")) {
            throw new IllegalStateException("broken for the test");
          }
          publisher.publish(OUT, event.getInquiryId(), event);
        });
  }
}
