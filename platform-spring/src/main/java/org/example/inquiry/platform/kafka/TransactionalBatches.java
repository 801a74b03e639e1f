package org.example.inquiry.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One Kafka transaction per poll: a batch listener hands the records of a poll to {@link #process}
 * inside the container's transaction, which commits the events it publishes together with the
 * poll's offsets. Latency stays low at low load because a batch is what the poll returned, never
 * more: a single record is a batch of one.
 *
 * <p>Dead letters and exactly-once are those of a record listener:
 *
 * <ul>
 *   <li>a record whose value failed to deserialize (garbage, unknown schema, another topic's
 *       schema, oversize: {@code CheckedAvroDeserializer}) or a tombstone on an event topic is
 *       published to {@code <topic>-dlt} in this transaction, with the same headers as before
 *       (original coordinates, consumer group, exception, {@code inquiry-dlt-reason}), and the rest
 *       of the poll goes on;
 *   <li>a record the handler fails with bad data ({@link InvalidEventException} and the other
 *       not-retryable exceptions) before publishing anything for it likewise;
 *   <li>any other failure of one record rolls the transaction back ({@link
 *       BatchListenerFailedException} naming the record); {@link BatchAfterRollbackProcessor}
 *       delivers the poll again after back-off and, once the record has failed {@code
 *       retryAttempts} times, marks it, so that the next delivery dead-letters it and commits the
 *       rest of the poll once.
 * </ul>
 *
 * <p>Events are published without waiting for each acknowledgement ({@link EventPublisher} inside a
 * poll only sends); the acknowledgements are awaited once, at the end of the poll, and a failed one
 * is charged to the record that published it.
 */
public final class TransactionalBatches {

  private static final Logger log = LoggerFactory.getLogger(TransactionalBatches.class);
  private static final LogAccessor LOG_ACCESSOR = new LogAccessor(TransactionalBatches.class);
  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  /**
   * How long the end of a poll waits for the acknowledgement of its events once flushed. The flush
   * itself ends when every event is acknowledged or has failed, within the producer's {@code
   * delivery.timeout.ms} (120 s by default, below the consumer's {@code max.poll.interval.ms}).
   */
  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final DeadLetterPublishingRecoverer recoverer;
  private final BatchAfterRollbackProcessor<?, ?> rollbacks;

  public TransactionalBatches(
      DeadLetterPublishingRecoverer recoverer, BatchAfterRollbackProcessor<?, ?> rollbacks) {
    this.recoverer = recoverer;
    this.rollbacks = rollbacks;
  }

  /**
   * Processes a poll record by record.
   *
   * @param handler handles one record (publishing with {@link EventPublisher})
   */
  public <V> void process(
      List<ConsumerRecord<String, V>> records,
      Consumer<?, ?> consumer,
      java.util.function.Consumer<ConsumerRecord<String, V>> handler) {
    process(records, consumer, values -> values, (record, value) -> handler.accept(record));
  }

  /**
   * Processes a poll: {@code prepare} once for all its good records (e.g. a model's batch
   * inference; it must not publish), then {@code handle} per record with what was prepared for it.
   * When {@code prepare} fails for the batch, each record is prepared alone, so that the failure is
   * charged to the record that causes it.
   *
   * @param prepare the values of the good records, in order, to one result per value, in order
   * @param handle one record and its prepared result (publishing with {@link EventPublisher})
   */
  public <V, P> void process(
      List<ConsumerRecord<String, V>> records,
      Consumer<?, ?> consumer,
      Function<List<V>, List<P>> prepare,
      BiConsumer<ConsumerRecord<String, V>, P> handle) {
    Scope scope = new Scope();
    SCOPE.set(scope);
    try {
      List<ConsumerRecord<String, V>> good = new ArrayList<>(records.size());
      for (ConsumerRecord<String, V> record : records) {
        Exception marked = rollbacks.takeDeadLetterMark(record);
        if (marked != null) {
          deadLetter(record, consumer, marked);
          continue;
        }
        Exception poison = poison(record, consumer);
        if (poison != null) {
          deadLetter(record, consumer, poison);
          continue;
        }
        good.add(record);
      }
      if (good.isEmpty()) {
        return;
      }
      List<P> prepared = prepareAll(good, consumer, prepare);
      for (int i = 0; i < good.size(); i++) {
        ConsumerRecord<String, V> record = good.get(i);
        if (prepared.get(i) == SKIPPED) {
          continue;
        }
        scope.current = record;
        int sendsBefore = scope.sends.size();
        try {
          handle.accept(record, prepared.get(i));
        } catch (RuntimeException e) {
          if (!rollbacks.isRetryable(e) && scope.sends.size() == sendsBefore) {
            deadLetter(record, consumer, e);
          } else {
            // Retried after a rollback, or it published something already: roll back the poll.
            throw new BatchListenerFailedException(
                "Failed " + BatchAfterRollbackProcessor.key(record), e, record);
          }
        } finally {
          scope.current = null;
        }
      }
      awaitSends(scope);
      good.forEach(rollbacks::succeeded);
      rollbacks.pollSucceeded();
    } finally {
      SCOPE.remove();
    }
  }

  /** Marks a value that is not prepared (the record was dead-lettered while preparing). */
  private static final Object SKIPPED = new Object();

  @SuppressWarnings("unchecked")
  private <V, P> List<P> prepareAll(
      List<ConsumerRecord<String, V>> good,
      Consumer<?, ?> consumer,
      Function<List<V>, List<P>> prepare) {
    List<V> values = new ArrayList<>(good.size());
    good.forEach(r -> values.add(r.value()));
    try {
      List<P> prepared = prepare.apply(values);
      if (prepared.size() == values.size()) {
        return prepared;
      }
      log.warn(
          "prepare returned {} results for {} records; one at a time",
          prepared.size(),
          values.size());
    } catch (RuntimeException e) {
      if (good.size() == 1) {
        return List.of(prepareOne(good.get(0), consumer, prepare));
      }
      log.warn(
          "Preparing {} records failed ({}); one at a time",
          good.size(),
          DeadLetterHeaders.rootMessage(e));
    }
    List<P> prepared = new ArrayList<>(good.size());
    for (ConsumerRecord<String, V> record : good) {
      prepared.add(prepareOne(record, consumer, prepare));
    }
    return prepared;
  }

  @SuppressWarnings("unchecked")
  private <V, P> P prepareOne(
      ConsumerRecord<String, V> record,
      Consumer<?, ?> consumer,
      Function<List<V>, List<P>> prepare) {
    try {
      return prepare.apply(List.of(record.value())).get(0);
    } catch (RuntimeException e) {
      if (!rollbacks.isRetryable(e)) {
        deadLetter(record, consumer, e);
        return (P) SKIPPED;
      }
      throw new BatchListenerFailedException(
          "Failed " + BatchAfterRollbackProcessor.key(record), e, record);
    }
  }

  /**
   * The failure of a record that is poison before any processing, as a record listener reported it:
   * the {@link DeserializationException} of a value that failed to deserialize, or for a tombstone
   * (which a listener cannot take) a listener failure, whose dead letter gives the reason
   * "Tombstone (null value) on event topic ...".
   */
  private static Exception poison(ConsumerRecord<String, ?> record, Consumer<?, ?> consumer) {
    DeserializationException failed =
        SerializationUtils.getExceptionFromHeader(
            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
    if (failed != null) {
      return failed;
    }
    if (record.value() == null) {
      return new ListenerExecutionFailedException(
          "Listener method could not be invoked with the incoming message",
          groupOf(consumer),
          new InvalidEventException("Payload value must not be empty"));
    }
    return null;
  }

  private static String groupOf(Consumer<?, ?> consumer) {
    return consumer == null ? null : consumer.groupMetadata().groupId();
  }

  private void deadLetter(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception cause) {
    // As a record listener's failures reach the recoverer: wrapped with the consumer group (the
    // recoverer takes the group header from there and unwraps a deserialization failure).
    Exception failure =
        cause instanceof ListenerExecutionFailedException
            ? cause
            : new ListenerExecutionFailedException("Listener failed", groupOf(consumer), cause);
    recoverer.accept(record, consumer, failure);
  }

  private void awaitSends(Scope scope) {
    if (scope.sends.isEmpty()) {
      return;
    }
    try {
      // The poll's events go out now rather than after linger.ms: nothing more joins them.
      if (scope.flush != null) {
        scope.flush.run();
      }
      CompletableFuture.allOf(
              scope.sends.stream().map(Send::future).toArray(CompletableFuture[]::new))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted awaiting the poll's events", e);
    } catch (ExecutionException | TimeoutException e) {
      for (Send send : scope.sends) {
        if (send.future().isCompletedExceptionally() && send.record() != null) {
          Throwable cause = causeOf(send.future());
          RuntimeException failure =
              EventPublisher.tooLarge(cause)
                  ? new EventTooLargeException(send.topic(), cause)
                  : new IllegalStateException(
                      "Could not publish to " + send.topic() + ": " + cause.getMessage(), cause);
          throw new BatchListenerFailedException(
              "Failed " + BatchAfterRollbackProcessor.key(send.record()), failure, send.record());
        }
      }
      throw new IllegalStateException("The poll's events were not acknowledged: " + e, e);
    }
  }

  private static Throwable causeOf(CompletableFuture<?> future) {
    try {
      future.getNow(null);
      return new IllegalStateException("no failure");
    } catch (CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** The poll being processed on this thread, or null outside a batch listener. */
  static Scope current() {
    return SCOPE.get();
  }

  /** One send of a poll: which record published it. */
  record Send(ConsumerRecord<?, ?> record, String topic, CompletableFuture<?> future) {}

  /** The sends of the poll being processed. */
  static final class Scope {
    private final List<Send> sends = new ArrayList<>();
    private ConsumerRecord<?, ?> current;
    private Runnable flush;

    void track(String topic, CompletableFuture<?> future) {
      sends.add(new Send(current, topic, future));
    }

    /** How to send what the poll published without waiting for linger.ms. */
    void flushWith(Runnable flush) {
      this.flush = flush;
    }
  }
}
