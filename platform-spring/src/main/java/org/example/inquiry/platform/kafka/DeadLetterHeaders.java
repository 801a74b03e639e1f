package org.example.inquiry.platform.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The headers every dead letter carries, whichever consumer wrote it (a listener container or a
 * Kafka Streams handler): spring-kafka's {@code kafka_dlt-*} headers (exception class, message and
 * stack trace; original topic, partition, offset, timestamp; consumer group) plus {@value #REASON},
 * the root cause in words.
 */
public final class DeadLetterHeaders {

  /** Header with the root cause of the failure, in plain words. */
  public static final String REASON = "inquiry-dlt-reason";

  /** spring-kafka's header naming the consumer group that failed the record. */
  public static final String CONSUMER_GROUP = "kafka_dlt-original-consumer-group";

  private DeadLetterHeaders() {}

  /** Adds {@value #REASON} to what the recoverer writes. */
  public static void addReason(DeadLetterPublishingRecoverer recoverer) {
    recoverer.setHeadersFunction(
        (record, exception) ->
            new RecordHeaders(
                new Header[] {
                  new RecordHeader(
                      REASON, reason(record, exception).getBytes(StandardCharsets.UTF_8))
                }));
  }

  /**
   * Why the record is dead: a tombstone on an event topic says so (a listener never sees it
   * deserialized: Kafka hands it over as null), otherwise the root cause.
   */
  public static String reason(ConsumerRecord<?, ?> record, Exception exception) {
    if (record.value() == null
        && !failedToDeserialize(exception)
        && Topics.byName(record.topic()).filter(t -> !t.compacted()).isPresent()) {
      return "Tombstone (null value) on event topic "
          + record.topic()
          + ": events are never deleted";
    }
    return rootMessage(exception);
  }

  /** A value that failed to deserialize also reaches the listener as null; it is no tombstone. */
  private static boolean failedToDeserialize(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeserializationException || t instanceof SerializationException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause: the top-level exception is often a wrapper ("failed to deserialize"). */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
