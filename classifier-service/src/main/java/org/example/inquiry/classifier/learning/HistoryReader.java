package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.example.inquiry.schemas.LabelledExample;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * Reads the labelled history from {@code classifier-labelled-examples}: the latest example per
 * inquiry, either up to the current end of each partition or up to recorded offsets (to rebuild a
 * promoted model from exactly the history it was trained on).
 */
class HistoryReader {

  /**
   * The history as read.
   *
   * @param examples the latest example of each inquiry
   * @param endOffsets per partition, the offset the read stopped at (exclusive)
   */
  record Snapshot(List<HistoryExample> examples, Map<Integer, Long> endOffsets) {}

  private final KafkaLogs logs;
  private final Duration timeout;

  HistoryReader(KafkaLogs logs, Duration timeout) {
    this.logs = logs;
    this.timeout = timeout;
  }

  /** Everything committed so far. */
  Snapshot readAll() {
    return read(null);
  }

  /** The records below the given end offsets (partition to offset). */
  Snapshot readUpTo(Map<Integer, Long> endOffsets) {
    return read(endOffsets);
  }

  private Snapshot read(Map<Integer, Long> upTo) {
    String topic = Topics.CLASSIFIER_LABELLED_EXAMPLES.name();
    try (KafkaConsumer<String, LabelledExample> consumer = logs.openAtBeginning(topic, timeout)) {
      Map<Integer, Long> ends = new TreeMap<>();
      if (upTo == null) {
        consumer
            .endOffsets(consumer.assignment(), timeout)
            .forEach((tp, offset) -> ends.put(tp.partition(), offset));
      } else {
        consumer
            .assignment()
            .forEach(tp -> ends.put(tp.partition(), upTo.getOrDefault(tp.partition(), 0L)));
      }
      Map<String, HistoryExample> latest = new HashMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " up to " + ends + " within " + timeout);
        }
        for (ConsumerRecord<String, LabelledExample> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null || r.offset() >= ends.getOrDefault(r.partition(), 0L)) {
            continue;
          }
          if (r.value() == null) {
            latest.remove(r.key()); // tombstone: the example was erased
          } else if (!r.value().getTypes().isEmpty()) {
            latest.put(
                r.key(), new HistoryExample(r.key(), r.value().getText(), r.value().getTypes()));
          }
        }
      }
      return new Snapshot(List.copyOf(latest.values()), Map.copyOf(ends));
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<Integer, Long> ends) {
    for (TopicPartition tp : consumer.assignment()) {
      if (consumer.position(tp) < ends.getOrDefault(tp.partition(), 0L)) {
        return false;
      }
    }
    return true;
  }
}
