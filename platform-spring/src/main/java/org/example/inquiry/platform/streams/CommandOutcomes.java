package org.example.inquiry.platform.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read-your-write for commands that a Kafka Streams processor applies to a store: {@link
 * #publishAndAwait} registers a future under the command id, publishes the command, and completes
 * when a value the processor materialised for the command's key carries the command's outcome. The
 * values arrive through {@link #materialised}: from the store's changelog ({@link ChangelogFeed},
 * which every instance reads, so the instance that answers the caller need not be the one that owns
 * the key) or from the processor of a global store. No polling: a future per waiting command, and
 * one look at the store if the wait runs out.
 *
 * @param <V> the store's values
 */
public final class CommandOutcomes<V> {

  private final Duration timeout;
  private final Map<String, Map<String, Waiter<V, ?>>> byKey = new ConcurrentHashMap<>();

  /**
   * @param timeout how long a caller waits for its outcome
   */
  public CommandOutcomes(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Publishes a command (on a thread that may block) and waits for its outcome.
   *
   * @param key the store key the command changes
   * @param commandId unique per command
   * @param publish sends the command; what it throws fails the wait
   * @param outcome the command's outcome in a materialised value of the key, if it is there
   * @param lastLook one read of the store when the wait runs out (the feed may have started after
   *     the value was materialised)
   * @param notVisible the message when even the last look finds no outcome (504)
   */
  public <R> Mono<R> publishAndAwait(
      String key,
      String commandId,
      Runnable publish,
      Function<V, Optional<R>> outcome,
      Supplier<Mono<Optional<R>>> lastLook,
      String notVisible) {
    return Mono.defer(
        () -> {
          Waiter<V, R> waiter = new Waiter<>(outcome);
          byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(commandId, waiter);
          return Mono.fromRunnable(publish)
              .subscribeOn(Schedulers.boundedElastic())
              .then(Mono.fromFuture(waiter.future))
              .timeout(
                  timeout,
                  Mono.defer(lastLook)
                      .flatMap(
                          found ->
                              found
                                  .map(Mono::just)
                                  .orElseGet(
                                      () ->
                                          Mono.error(new OutcomeNotVisibleException(notVisible)))))
              .doFinally(signal -> forget(key, commandId));
        });
  }

  /** Whether a caller waits on this key: the feed deserializes only those values. */
  public boolean awaits(String key) {
    return key != null && byKey.containsKey(key);
  }

  /** A value of the key as the store now holds it; completes the waiters whose outcome it has. */
  public void materialised(String key, V value) {
    Map<String, Waiter<V, ?>> waiters = key == null ? null : byKey.get(key);
    if (waiters != null && value != null) {
      waiters.values().forEach(w -> w.offer(value));
    }
  }

  private void forget(String key, String commandId) {
    byKey.computeIfPresent(
        key,
        (k, waiters) -> {
          waiters.remove(commandId);
          return waiters.isEmpty() ? null : waiters;
        });
  }

  private static final class Waiter<V, R> {
    private final Function<V, Optional<R>> outcome;
    private final CompletableFuture<R> future = new CompletableFuture<>();

    Waiter(Function<V, Optional<R>> outcome) {
      this.outcome = outcome;
    }

    void offer(V value) {
      if (!future.isDone()) {
        outcome.apply(value).ifPresent(future::complete);
      }
    }
  }
}
