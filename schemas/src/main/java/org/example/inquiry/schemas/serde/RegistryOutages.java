package org.example.inquiry.schemas.serde;

import java.util.function.Supplier;
import org.apache.kafka.common.errors.InterruptException;
import org.example.inquiry.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema registry outage (unreachable, timed out, 5xx) around one registry call, with a
 * growing pause ({@value #FIRST_PAUSE_MS} ms doubling up to {@value #MAX_PAUSE_MS} ms), for as long
 * as the configured wait allows ({@code -1}: for as long as the outage lasts). A registry answer
 * (an unknown id, an incompatible schema) is rethrown at once: that is a verdict, not an outage.
 * The serde caches every schema it has seen, so only the first record of a schema after a start
 * meets the registry at all.
 */
final class RegistryOutages {

  private static final Logger log = LoggerFactory.getLogger(RegistryOutages.class);
  static final long FIRST_PAUSE_MS = 100;
  static final long MAX_PAUSE_MS = 5_000;

  private RegistryOutages() {}

  /**
   * The call's result once the registry answers.
   *
   * @throws SchemaRegistryException the registry's refusal, or the outage once {@code maxWaitMs}
   *     has passed (its message then says how long it lasted)
   */
  static <T> T waitOut(Supplier<T> call, long maxWaitMs, String what) {
    long started = System.nanoTime();
    long pause = FIRST_PAUSE_MS;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (SchemaRegistryException e) {
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        if (!e.isUnavailable()) {
          throw e;
        }
        if (maxWaitMs >= 0 && waitedMs >= maxWaitMs) {
          throw new SchemaRegistryException(
              "registry unavailable for " + waitedMs + " ms: " + e.getMessage(), e);
        }
        if (attempt == 1 || pause == MAX_PAUSE_MS) {
          log.warn(
              "Schema registry unavailable ({}), waiting {} ms so far: {}",
              what,
              waitedMs,
              e.getMessage());
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new InterruptException(interrupted);
        }
        pause = Math.min(MAX_PAUSE_MS, pause * 2);
      }
    }
  }
}
