package org.example.inquiry.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.util.backoff.BackOff;

/**
 * What happens after a listener's transaction rolled back. Record listeners: spring-kafka's {@link
 * DefaultAfterRollbackProcessor} (retries with back-off, then the dead-letter topic in a
 * transaction that commits the offset). Batch listeners ({@link TransactionalBatches}), for which
 * spring-kafka would retry or dead-letter the <em>whole</em> poll:
 *
 * <ul>
 *   <li>every partition goes back to the poll's first record: the whole poll is delivered again
 *       (nothing of it was committed);
 *   <li>when one record failed ({@link BatchListenerFailedException} naming it), that record is
 *       counted: a failure that is not retryable (bad data) or a record that failed {@code
 *       retryAttempts} times after back-off is marked, and the next delivery publishes it to its
 *       dead-letter topic in the transaction that processes the rest of the poll, which therefore
 *       commits once;
 *   <li>when the poll failed as a whole (the commit, the broker, a fenced producer), it is retried
 *       after back-off and nothing is dead-lettered.
 * </ul>
 */
public class BatchAfterRollbackProcessor<K, V> extends DefaultAfterRollbackProcessor<K, V> {

  private static final Logger log = LoggerFactory.getLogger(BatchAfterRollbackProcessor.class);
  private static final LogAccessor LOG_ACCESSOR =
      new LogAccessor(BatchAfterRollbackProcessor.class);

  private final int retryAttempts;
  private final long initialIntervalMs;
  private final long maxIntervalMs;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Exception> toDeadLetter = new ConcurrentHashMap<>();
  private final Map<Thread, Integer> batchFailures = new ConcurrentHashMap<>();

  public BatchAfterRollbackProcessor(
      BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer,
      BackOff backOff,
      KafkaOperations<?, ?> template,
      int retryAttempts,
      long initialIntervalMs,
      long maxIntervalMs) {
    super(recoverer, backOff, template, true);
    this.retryAttempts = retryAttempts;
    this.initialIntervalMs = initialIntervalMs;
    this.maxIntervalMs = maxIntervalMs;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void processBatch(
      ConsumerRecords<K, V> records,
      List<ConsumerRecord<K, V>> recordList,
      Consumer<K, V> consumer,
      MessageListenerContainer container,
      Exception exception,
      boolean recoverable,
      ContainerProperties.EOSMode eosMode) {
    List<ConsumerRecord<?, ?>> polled = new ArrayList<>();
    if (recordList != null && !recordList.isEmpty()) {
      polled.addAll(recordList);
    } else {
      records.forEach(polled::add);
    }
    SeekUtils.doSeeksToBegin((List) polled, consumer, LOG_ACCESSOR);
    BatchListenerFailedException failed = failedRecord(exception);
    ConsumerRecord<?, ?> record = failed == null ? null : recordOf(failed, polled);
    long sleep;
    if (record == null) {
      int n = batchFailures.merge(Thread.currentThread(), 1, Integer::sum);
      sleep = backOff(n);
      log.warn(
          "Poll of {} records rolled back ({}); delivering it again in {} ms",
          polled.size(),
          DeadLetterHeaders.rootMessage(exception),
          sleep);
    } else {
      batchFailures.remove(Thread.currentThread());
      Exception cause = failed.getCause() instanceof Exception e ? e : (Exception) failed;
      String key = key(record);
      int attempts = failures.merge(key, 1, Integer::sum);
      if (!isRetryable(cause) || attempts > retryAttempts) {
        failures.remove(key);
        toDeadLetter.put(key, cause);
        sleep = 0;
        log.warn(
            "{}-{}@{} failed {} time(s) ({}); the next delivery dead-letters it",
            record.topic(),
            record.partition(),
            record.offset(),
            attempts,
            DeadLetterHeaders.rootMessage(cause));
      } else {
        sleep = backOff(attempts);
        log.warn(
            "{}-{}@{} failed ({}); poll delivered again in {} ms (attempt {} of {})",
            record.topic(),
            record.partition(),
            record.offset(),
            DeadLetterHeaders.rootMessage(cause),
            sleep,
            attempts + 1,
            retryAttempts + 1);
      }
    }
    if (sleep > 0) {
      try {
        ListenerUtils.stoppableSleep(container, sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether a failure may go away by itself (bad data does not). */
  boolean isRetryable(Exception e) {
    return getExceptionMatcher().match(e);
  }

  /** The failure marked for the dead-letter topic, removed; null when the record is not marked. */
  Exception takeDeadLetterMark(ConsumerRecord<?, ?> record) {
    return toDeadLetter.isEmpty() ? null : toDeadLetter.remove(key(record));
  }

  /** A record went through: forget its earlier failures. */
  void succeeded(ConsumerRecord<?, ?> record) {
    if (!failures.isEmpty()) {
      failures.remove(key(record));
    }
  }

  /** A poll went through: the next whole-poll failure backs off from the start again. */
  void pollSucceeded() {
    if (!batchFailures.isEmpty()) {
      batchFailures.remove(Thread.currentThread());
    }
  }

  private long backOff(int attempt) {
    double interval = initialIntervalMs * Math.pow(2, Math.max(0, attempt - 1));
    return (long) Math.min(maxIntervalMs, interval);
  }

  private static BatchListenerFailedException failedRecord(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BatchListenerFailedException b) {
        return b;
      }
    }
    return null;
  }

  private static ConsumerRecord<?, ?> recordOf(
      BatchListenerFailedException failed, List<ConsumerRecord<?, ?>> polled) {
    if (failed.getRecord() != null) {
      return failed.getRecord();
    }
    int index = failed.getIndex();
    return index >= 0 && index < polled.size() ? polled.get(index) : null;
  }

  static String key(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
