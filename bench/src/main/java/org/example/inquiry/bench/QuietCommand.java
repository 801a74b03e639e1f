package org.example.inquiry.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Waits until every consumer group of the stack has caught up with its topics. */
@Command(name = "quiet", description = "wait until the stack's consumers have caught up")
final class QuietCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-server", required = true)
  String bootstrap;

  @Option(names = "--timeout-seconds", defaultValue = "600")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    try (Admin admin = KafkaSupport.admin(bootstrap)) {
      long lag = KafkaSupport.awaitQuiet(admin, bootstrap, Duration.ofSeconds(timeoutSeconds));
      System.out.printf(
          "bench: %s after %.0f s%n",
          lag == 0 ? "caught up" : "still " + lag + " records behind",
          (System.nanoTime() - start) / 1e9);
      return lag == 0 ? 0 : 1;
    }
  }
}
