package org.example.inquiry.platform.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events keyed by inquiry (or entity) id. Inside a listener's Kafka transaction the
 * events join it (they commit with the consumed offset); outside one, each call runs its own
 * transaction. Either way the call returns only once the send is acknowledged, or throws: {@link
 * EventTooLargeException} for a record larger than the producer or broker takes (nothing of it is
 * committed).
 */
public class EventPublisher {

  private static final long TIMEOUT_SECONDS = 30;

  private final KafkaTemplate<Object, Object> template;

  public EventPublisher(KafkaTemplate<Object, Object> template) {
    this.template = template;
  }

  /** Publishes one or more events to their topics atomically. */
  public void publish(Outgoing... events) {
    if (template.inTransaction() || !template.isTransactional()) {
      sendAll(template, events);
    } else {
      template.executeInTransaction(
          t -> {
            sendAll(t, events);
            return null;
          });
    }
  }

  /** Convenience for a single event. */
  public void publish(String topic, String key, SpecificRecord event) {
    publish(new Outgoing(topic, key, event));
  }

  private static void sendAll(
      org.springframework.kafka.core.KafkaOperations<Object, Object> operations,
      Outgoing... events) {
    for (Outgoing event : events) {
      try {
        operations
            .send(event.topic(), event.key(), event.value())
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted publishing to " + event.topic(), e);
      } catch (ExecutionException | TimeoutException | KafkaException e) {
        if (tooLarge(e)) {
          throw new EventTooLargeException(event.topic(), e);
        }
        throw new IllegalStateException(
            "Could not publish " + event.key() + " to " + event.topic() + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RecordTooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** One event to publish. */
  public record Outgoing(String topic, String key, SpecificRecord value) {}
}
