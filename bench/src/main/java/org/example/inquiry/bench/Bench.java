package org.example.inquiry.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./stack bench}'s measuring parts. The shell script orchestrates (restarts, the minimal
 * endpoint, the KPI reset, ConsumerPerformance); these commands generate the load and measure.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      ThroughputCommand.class,
      QuietCommand.class,
      IntakeCommand.class,
      CountCommand.class,
      ReplayWatchCommand.class,
      SummaryCommand.class
    })
public final class Bench implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
