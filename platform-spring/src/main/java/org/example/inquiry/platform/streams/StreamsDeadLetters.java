package org.example.inquiry.platform.streams;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.example.inquiry.platform.kafka.DeadLetterHeaders;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Kafka Streams' dead-letter path, the same as the listener containers': a record of a catalogue
 * topic that cannot be deserialized ({@link Deserialization}) or whose processing throws ({@link
 * Processing}) is published with its original bytes to {@code <topic>-dlt} by spring-kafka's {@link
 * DeadLetterPublishingRecoverer}, with the same headers (reason, exception, original
 * topic/partition/offset, and the application id as consumer group), and the stream goes on.
 *
 * <p>Records of topics outside the catalogue (changelogs, repartition topics) and failures in
 * punctuations have no dead-letter topic: they fail the stream thread, which is replaced.
 */
public final class StreamsDeadLetters {

  /** Streams config key holding the {@link Publisher} (an object, not a string). */
  public static final String PUBLISHER = "inquiry.streams.dead-letter.publisher";

  private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetters.class);

  private StreamsDeadLetters() {}

  /** Publishes a failed record through the recoverer on behalf of a Streams application. */
  public record Publisher(DeadLetterPublishingRecoverer recoverer, String applicationId) {

    /** True when the dead letter was written; false when the record has no dead-letter topic. */
    boolean publish(ConsumerRecord<byte[], byte[]> record, Exception exception) {
      if (record.topic() == null
          || Topics.byName(record.topic()).filter(t -> !t.isDeadLetter()).isEmpty()) {
        return false;
      }
      try {
        // As a listener container does: the group travels on the exception, its cause is what
        // the exception headers describe.
        recoverer.accept(
            record,
            new ListenerExecutionFailedException(
                "Kafka Streams application " + applicationId + " failed a record",
                applicationId,
                exception));
        return true;
      } catch (RuntimeException e) {
        log.error(
            "Could not dead-letter {}-{}@{}: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.toString());
        return false;
      }
    }
  }

  private static Publisher publisher(Map<String, ?> configs) {
    Object publisher = configs.get(PUBLISHER);
    if (publisher instanceof Publisher p) {
      return p;
    }
    throw new IllegalStateException(PUBLISHER + " is not configured with a Publisher");
  }

  /** Undeserializable records: dead-letter and continue. */
  public static final class Deserialization implements DeserializationExceptionHandler {

    private Publisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
      publisher = publisher(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(
        ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      return publisher.publish(record, exception)
          ? DeserializationHandlerResponse.CONTINUE
          : DeserializationHandlerResponse.FAIL;
    }
  }

  /**
   * Records whose processing throws (an invalid event): dead-letter the source record, continue.
   */
  public static final class Processing implements ProcessingExceptionHandler {

    private Publisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
      publisher = publisher(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(
        ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      if (context.topic() == null || context.offset() < 0) {
        log.error("Kafka Streams processing failed outside a source record", exception);
        return ProcessingHandlerResponse.FAIL;
      }
      byte[] key = context.sourceRawKey();
      byte[] value = context.sourceRawValue();
      ConsumerRecord<byte[], byte[]> source =
          new ConsumerRecord<>(
              context.topic(),
              context.partition(),
              context.offset(),
              context.timestamp(),
              TimestampType.CREATE_TIME,
              key == null ? -1 : key.length,
              value == null ? -1 : value.length,
              key,
              value,
              new RecordHeaders(context.headers().toArray()),
              Optional.empty());
      log.warn(
          "Processing {}-{}@{} failed in {}: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          context.processorNodeId(),
          DeadLetterHeaders.rootMessage(exception));
      return publisher.publish(source, exception)
          ? ProcessingHandlerResponse.CONTINUE
          : ProcessingHandlerResponse.FAIL;
    }
  }
}
