package org.example.inquiry.platform.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events keyed by inquiry (or entity) id.
 *
 * <ul>
 *   <li>Inside a batch listener's poll ({@link TransactionalBatches}) the events join the
 *       listener's transaction (they commit with the consumed offsets) and the call only sends: the
 *       acknowledgements are awaited once, at the end of the poll.
 *   <li>Inside another listener's transaction the events join it and each send is awaited.
 *   <li>Outside a transaction (HTTP requests) the call returns once its events are committed, in a
 *       transaction of their own as far as the caller can tell: <em>group commit</em>. Calls that
 *       arrive while a transaction is being committed are published together in the next one (what
 *       is waiting, never waiting for more: a lone call commits at once), which costs the broker
 *       one transaction for many requests. When a shared transaction fails, each of its calls is
 *       published again alone, so that only the call at fault fails.
 * </ul>
 *
 * <p>A call that fails throws, and nothing of it is committed: {@link EventTooLargeException} for a
 * record larger than the producer or broker takes.
 */
public class EventPublisher implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  /** Calls published in one shared transaction at most. */
  private static final int MAX_GROUP = 256;

  private final KafkaTemplate<Object, Object> template;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final List<Thread> committers = new ArrayList<>();
  private volatile boolean open = true;

  /** Publishes with group commit on two committer threads. */
  public EventPublisher(KafkaTemplate<Object, Object> template) {
    this(template, 2);
  }

  /**
   * @param committers threads committing shared transactions (one commits while the next fills)
   */
  public EventPublisher(KafkaTemplate<Object, Object> template, int committers) {
    this.template = template;
    if (template.isTransactional()) {
      for (int i = 0; i < committers; i++) {
        Thread thread = new Thread(this::commitLoop, "event-publisher-" + i);
        thread.setDaemon(true);
        this.committers.add(thread);
        thread.start();
      }
    }
  }

  /** Publishes one or more events to their topics atomically. */
  public void publish(Outgoing... events) {
    TransactionalBatches.Scope poll = TransactionalBatches.current();
    if (poll != null && template.inTransaction()) {
      for (Outgoing event : events) {
        poll.track(event.topic(), template.send(event.topic(), event.key(), event.value()));
      }
      poll.flushWith(template::flush);
      return;
    }
    if (template.inTransaction() || !template.isTransactional()) {
      sendAll(template, events);
      return;
    }
    Pending call = new Pending(events, new CompletableFuture<>());
    if (!open) {
      throw new IllegalStateException("The publisher is closed");
    }
    pending.add(call);
    try {
      call.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted publishing to " + call.topics(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("Could not publish to " + call.topics(), e.getCause());
    }
  }

  /**
   * Takes what is waiting (at least one call), commits it in one transaction, answers the calls.
   */
  private void commitLoop() {
    List<Pending> group = new ArrayList<>();
    while (open) {
      group.clear();
      try {
        group.add(pending.take());
      } catch (InterruptedException e) {
        return;
      }
      pending.drainTo(group, MAX_GROUP - 1);
      try {
        template.executeInTransaction(
            t -> {
              List<CompletableFuture<?>> acks = new ArrayList<>();
              for (Pending call : group) {
                for (Outgoing event : call.events()) {
                  acks.add(t.send(event.topic(), event.key(), event.value()));
                }
              }
              // Sent now, not after linger.ms: nothing more joins this transaction. Waiting here
              // turns a failed send into this group's failure.
              t.flush();
              try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted publishing", e);
              } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("A send of the group failed: " + e, e);
              }
              return null;
            });
        group.forEach(call -> call.done().complete(null));
      } catch (RuntimeException e) {
        // Nothing of the group committed: each call alone, so that only the call at fault fails.
        for (Pending call : group) {
          try {
            template.executeInTransaction(
                t -> {
                  sendAll(t, call.events());
                  return null;
                });
            call.done().complete(null);
          } catch (RuntimeException alone) {
            call.done().completeExceptionally(alone);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    open = false;
    committers.forEach(Thread::interrupt);
    Pending left;
    while ((left = pending.poll()) != null) {
      left.done().completeExceptionally(new IllegalStateException("The publisher closed"));
    }
  }

  /** One caller's events, published atomically, and its answer. */
  private record Pending(Outgoing[] events, CompletableFuture<Void> done) {
    List<String> topics() {
      return Arrays.stream(events).map(Outgoing::topic).distinct().toList();
    }
  }

  /** Convenience for a single event. */
  public void publish(String topic, String key, SpecificRecord event) {
    publish(new Outgoing(topic, key, event));
  }

  private static void sendAll(KafkaOperations<Object, Object> operations, Outgoing... events) {
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

  static boolean tooLarge(Throwable e) {
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
