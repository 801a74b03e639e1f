package org.example.inquiry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Waits until every consumer group of the stack has caught up with its topics. With {@code
 * --results} the outcome goes into the run's figures as {@code quiet.<label>.lag} (records still
 * behind, 0 when caught up, -1 when it could not be measured) and {@code quiet.<label>.s}: a phase
 * measured on a stack that had not caught up shares the cores with that backlog, and the summary
 * says so.
 */
@Command(name = "quiet", description = "wait until the stack's consumers have caught up")
final class QuietCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-server", required = true)
  String bootstrap;

  @Option(names = "--timeout-seconds", defaultValue = "600")
  int timeoutSeconds;

  @Option(names = "--results", description = "append quiet.<label>.lag and .s to this file")
  Path resultsFile;

  @Option(names = "--label", defaultValue = "wait", description = "the phase this wait precedes")
  String label;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    try (Admin admin = KafkaSupport.admin(bootstrap)) {
      long lag = KafkaSupport.awaitQuiet(admin, bootstrap, Duration.ofSeconds(timeoutSeconds));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "bench: %s after %.0f s%n",
          lag == 0
              ? "caught up"
              : lag < 0
                  ? "lag not measured (the broker did not answer)"
                  : "still " + lag + " records behind",
          seconds);
      if (resultsFile != null) {
        Results results = new Results(resultsFile);
        results.put("quiet." + label + ".lag", Long.toString(lag));
        results.put("quiet." + label + ".s", seconds);
      }
      return lag == 0 ? 0 : 1;
    }
  }
}
