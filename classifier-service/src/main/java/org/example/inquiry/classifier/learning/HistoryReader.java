package org.example.inquiry.classifier.learning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.example.inquiry.platform.kafka.InvalidEventException;
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
    Map<Integer, Long> target = new TreeMap<>();
    logs.endOffsets(topic, timeout)
        .forEach((p, end) -> target.put(p, upTo == null ? end : upTo.getOrDefault(p, 0L)));
    Map<String, HistoryExample> latest = new ConcurrentHashMap<>();
    try (KafkaLogs.Reading reading =
        logs.read(
            topic,
            "classifier-history-reader",
            timeout,
            r -> {
              if (r.key() == null || r.offset() >= target.getOrDefault(r.partition(), 0L)) {
                return;
              }
              if (r.value() == null) {
                latest.remove(r.key()); // tombstone: the example was erased
              } else if (r.value() instanceof LabelledExample example) {
                if (!example.getTypes().isEmpty()) {
                  latest.put(
                      r.key(), new HistoryExample(r.key(), example.getText(), example.getTypes()));
                }
              } else {
                throw new InvalidEventException(
                    "not a LabelledExample: " + r.value().getClass().getSimpleName());
              }
            })) {
      if (!reading.awaitPositions(target, timeout)) {
        throw new IllegalStateException(
            "could not read " + topic + " up to " + target + " within " + timeout);
      }
      return new Snapshot(List.copyOf(latest.values()), Map.copyOf(target));
    }
  }
}
