package org.example.inquiry.simulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.example.inquiry.client.LocalPorts;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.PlatformEndpoints;
import org.example.inquiry.client.PlatformUnreachableException;
import org.example.inquiry.client.Reply;
import org.example.inquiry.client.Tokens;
import org.example.inquiry.simulator.traffic.ChannelMix;
import org.example.inquiry.simulator.traffic.InquiryGenerator;
import org.example.inquiry.simulator.traffic.KafkaAdapterChannel;
import org.example.inquiry.simulator.traffic.SampleData;
import org.example.inquiry.simulator.work.CaseWork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar traffic-simulator-*-exec.jar}: realistic traffic against the running local stack
 * (customers on every channel, agents and approvers working the cases, ratings), a progress bar, a
 * summary and the resulting KPIs. Exit 0 without errors, 1 with errors or timeouts, 2 on bad
 * options.
 */
@Command(
    name = "traffic-simulator",
    mixinStandardHelpOptions = true,
    version = "traffic-simulator 0.1.0-SNAPSHOT",
    sortOptions = false,
    description = {
      "Sends realistic inquiries to the running local stack (./stack up) on every channel"
          + " (portal/API JSON, RFC 822 email, the Kafka adapter topic), works them as agents and"
          + " approvers, rates them as customers, and prints a summary and the KPIs.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors, nothing timed out",
      "1:errors or timeouts (listed in the summary), or the stack is not reachable",
      "2:bad options"
    },
    footer = {
      "",
      "Example (from the repository root, with ./stack up running):",
      "  java -jar traffic-simulator/target/traffic-simulator-0.1.0-SNAPSHOT-exec.jar \\",
      "      --count 60 --rate 5",
      ""
    })
public final class TrafficSimulator implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--count",
      defaultValue = "100",
      description = "inquiries to send (default ${DEFAULT-VALUE})")
  int count;

  @Option(
      names = "--rate",
      defaultValue = "5",
      description = "inquiries per second (default ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "where the stack runs (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port-offset",
      defaultValue = "0",
      description =
          "added to every port: intake 8080, resolution 8084, metrics 8085, Kafka 9092, registry 8081")
  int portOffset;

  @Option(
      names = "--private-key",
      defaultValue = ".stack/auth/private.pem",
      description = "PKCS#8 PEM key the local stack signs tokens with (default ${DEFAULT-VALUE})")
  Path privateKey;

  @Option(
      names = "--data",
      defaultValue = "deploy/local/data",
      description = "directory with customers.csv and open-items.csv (default ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of every random choice (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--work",
      arity = "1",
      defaultValue = "true",
      description =
          "agents and approvers work the cases, customers rate them: true|false (default ${DEFAULT-VALUE})")
  boolean work;

  @Option(
      names = "--progress",
      description = "draw the progress bar even when stderr is not a terminal")
  boolean progress;

  @Option(
      names = "--kpi-wait",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "how long to wait for metrics-service to count the run, e.g. 30s, 2m (default ${DEFAULT-VALUE})")
  Duration kpiWait;

  @Option(
      names = "--agents",
      defaultValue = "32",
      description = "agent threads working cases in parallel (default ${DEFAULT-VALUE})")
  int agents;

  @Option(
      names = "--case-timeout",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "how long an inquiry may take to show up as a case in resolution (default ${DEFAULT-VALUE})")
  Duration caseTimeout;

  @Option(
      names = "--think-time",
      defaultValue = "500ms",
      converter = DurationConverter.class,
      description =
          "average pause of agents, approvers and customers between two steps (default ${DEFAULT-VALUE}; 0 for none)")
  Duration thinkTime;

  @Option(
      names = "--submit-retry",
      defaultValue = "0s",
      converter = DurationConverter.class,
      description =
          "retry a submission intake did not answer (or answered 502/503/504) for this long, with the"
              + " same key (default ${DEFAULT-VALUE}: no retry; ./stack chaos uses 300s)")
  Duration submitRetry;

  @Option(
      names = "--record-accepted",
      description =
          "append the id of every accepted inquiry to this file, one a line (./stack chaos uses it)")
  Path recordAccepted;

  @Option(
      names = "--kafka",
      description =
          "bootstrap servers for the adapter channel (default HOST:9092+offset); 'none' sends its share through the portal")
  String kafka;

  @Option(
      names = "--registry",
      description = "schema registry URL (default http://HOST:8081+offset)")
  String registry;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new TrafficSimulator()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    PrintStream out =
        spec.commandLine().getOut() == null ? System.out : new PrintStream(System.out, true);
    PrintStream err = System.err;
    SampleData sample;
    try {
      sample = SampleData.load(data);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--data " + data + ": " + e.getMessage());
    }
    Tokens tokens;
    try {
      tokens = Tokens.fromPrivateKey(privateKey);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--private-key: " + e.getMessage());
    }
    PlatformEndpoints endpoints = PlatformEndpoints.local(host, portOffset);
    PlatformClient client = new PlatformClient(endpoints, tokens);
    if (!stackAnswers(client, sample, err)) {
      return 1;
    }

    ChannelMix mix = ChannelMix.DEFAULT;
    KafkaAdapterChannel adapter = null;
    if ("none".equalsIgnoreCase(kafka)) {
      mix = mix.withoutAdapter();
      err.println("traffic-simulator: --kafka none: the adapter's share goes through the portal");
    } else {
      String bootstrap = kafka != null ? kafka : host + ":" + LocalPorts.of("kafka", portOffset);
      String registryUrl =
          registry != null
              ? registry
              : "http://" + host + ":" + LocalPorts.of("registry", portOffset);
      try {
        adapter = new KafkaAdapterChannel(bootstrap, registryUrl);
        adapter.checkReachable();
      } catch (RuntimeException e) {
        err.println(
            "traffic-simulator: the Kafka adapter channel is not available ("
                + bootstrap
                + ": "
                + e.getMessage()
                + "); its share goes through the portal");
        if (adapter != null) {
          adapter.close();
        }
        adapter = null;
        mix = mix.withoutAdapter();
      }
    }

    String runId = runId();
    InquiryGenerator generator = new InquiryGenerator(sample, mix, seed, runId, 0.05, 0.03);
    Simulation.Settings settings =
        new Simulation.Settings(
            count,
            rate,
            work,
            agents,
            seed,
            runId,
            kpiWait,
            new CaseWork.Timeouts(caseTimeout, Duration.ofSeconds(30), Duration.ofSeconds(20)),
            thinkTime,
            progress);
    out.printf(
        Locale.ROOT,
        "traffic-simulator: run %s, %d inquiries at %.2f/s (seed %d, work %s) against intake %s,"
            + " resolution %s, metrics %s%s%n",
        runId,
        count,
        rate,
        seed,
        work,
        endpoints.intake(),
        endpoints.resolution(),
        endpoints.metrics(),
        adapter == null ? "" : ", Kafka adapter on");
    try {
      Simulation simulation = new Simulation(settings, client, generator, adapter, out, err);
      if (recordAccepted != null) {
        simulation.recordAcceptedTo(recordAccepted);
      }
      simulation.retrySubmissionsFor(submitRetry);
      return simulation.run();
    } finally {
      if (adapter != null) {
        adapter.close();
      }
    }
  }

  private void validate() {
    CommandLine cl = spec.commandLine();
    if (count < 1) {
      throw new ParameterException(cl, "--count must be at least 1");
    }
    if (!(rate > 0) || rate > 500) {
      throw new ParameterException(cl, "--rate must be above 0 and at most 500 per second");
    }
    if (agents < 1 || agents > 500) {
      throw new ParameterException(cl, "--agents must be between 1 and 500");
    }
    if (thinkTime.isNegative() || thinkTime.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new ParameterException(cl, "--think-time must be between 0 and 1m");
    }
    if (kpiWait.isNegative() || caseTimeout.isNegative() || caseTimeout.isZero()) {
      throw new ParameterException(
          cl, "--kpi-wait must not be negative and --case-timeout positive");
    }
    if (portOffset < -8000 || portOffset > 50000) {
      throw new ParameterException(cl, "--port-offset is out of range");
    }
    if (!Files.isRegularFile(privateKey)) {
      throw new ParameterException(
          cl,
          "--private-key "
              + privateKey
              + " does not exist (./stack up creates .stack/auth/private.pem)");
    }
    if (!Files.isDirectory(data)) {
      throw new ParameterException(cl, "--data " + data + " is not a directory");
    }
  }

  /** Checks that intake, resolution and metrics answer and accept our tokens. */
  private static boolean stackAnswers(PlatformClient client, SampleData sample, PrintStream err) {
    String probeCustomer = sample.customers().get(0).id();
    try {
      Reply customer = client.customer(probeCustomer);
      if (!tokenAccepted(customer, "intake", client.endpoints().intake().toString(), err)) {
        return false;
      }
      if (customer.status() == 404) {
        err.println(
            "traffic-simulator: warning: intake's customer master does not know "
                + probeCustomer
                + "; load deploy/local/data/customers.csv (./stack up does) or the inquiries stay unlinked");
      }
      Reply queue = client.queue("triage", 101);
      if (!tokenAccepted(queue, "resolution", client.endpoints().resolution().toString(), err)) {
        return false;
      }
      Instant now = Instant.now();
      Reply kpis = client.kpis(now.minusSeconds(60), now, null);
      return tokenAccepted(kpis, "metrics", client.endpoints().metrics().toString(), err);
    } catch (PlatformUnreachableException e) {
      err.println(
          "traffic-simulator: "
              + e.service()
              + " does not answer on "
              + e.base()
              + ": start it with ./stack up");
      return false;
    }
  }

  private static boolean tokenAccepted(Reply reply, String service, String base, PrintStream err) {
    if (reply.status() == 401 || reply.status() == 403) {
      err.println(
          "traffic-simulator: "
              + service
              + " on "
              + base
              + " refuses our token ("
              + reply.status()
              + ": "
              + reply.detail()
              + "); does --private-key match the key the services were started with?");
      return false;
    }
    if (reply.status() >= 500) {
      err.println(
          "traffic-simulator: "
              + service
              + " on "
              + base
              + " answers "
              + reply.status()
              + ": "
              + reply.detail()
              + " (still starting? see ./stack status)");
      return false;
    }
    return true;
  }

  private static String runId() {
    return "sim-"
        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC))
        + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
  }

  /** 30s, 2m, 500ms, 1h, a bare number of seconds, or ISO-8601 (PT30S). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("pt") || v.startsWith("p")) {
          return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("h")) {
          return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration (e.g. 30s, 2m, 500ms)");
      }
    }
  }
}
