package org.example.inquiry.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.PlatformUnreachableException;
import org.example.inquiry.client.Reply;
import org.example.inquiry.simulator.traffic.Channel;
import org.example.inquiry.simulator.traffic.EmailMessage;
import org.example.inquiry.simulator.traffic.GeneratedInquiry;
import org.example.inquiry.simulator.traffic.InquiryGenerator;
import org.example.inquiry.simulator.traffic.KafkaAdapterChannel;
import org.example.inquiry.simulator.work.CaseWork;
import tools.jackson.databind.JsonNode;

/**
 * One run: inquiries dispatched at a fixed rate by a scheduler (no drift from slow answers), each
 * followed by its journey (duplicate resend, case work, rating) on a pool of agent threads; then
 * the summary and the KPIs metrics-service computed.
 */
final class Simulation {

  /** The run's settings. */
  record Settings(
      int count,
      double rate,
      boolean work,
      int agents,
      long seed,
      String runId,
      Duration kpiWait,
      CaseWork.Timeouts timeouts,
      Duration thinkTime,
      boolean forceProgress) {}

  static final String PORTAL_CLIENT = "simulator-portal";
  static final String MAIL_GATEWAY = "simulator-mail-gateway";
  private static final long JOURNEY_SALT = 0x5EED_CA5EL;

  private final Settings settings;
  private final PlatformClient client;
  private final InquiryGenerator generator;
  private final KafkaAdapterChannel adapter;
  private final PrintStream out;
  private final PrintStream err;
  private final Stats stats = new Stats();
  private final CaseWork caseWork;

  Simulation(
      Settings settings,
      PlatformClient client,
      InquiryGenerator generator,
      KafkaAdapterChannel adapter,
      PrintStream out,
      PrintStream err) {
    this.settings = settings;
    this.client = client;
    this.generator = generator;
    this.adapter = adapter;
    this.out = out;
    this.err = err;
    this.caseWork =
        new CaseWork(client, stats, settings.timeouts(), settings.thinkTime(), PORTAL_CLIENT);
  }

  Stats stats() {
    return stats;
  }

  /** Runs the traffic, prints the summary and the KPIs; the exit code (0 clean, 1 otherwise). */
  int run() throws InterruptedException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    ProgressBar progress =
        new ProgressBar(
            err,
            settings.forceProgress() || ProgressBar.stderrIsTerminal(),
            settings.count(),
            stats,
            () -> System.nanoTime() - start);
    ScheduledExecutorService ticker = Executors.newScheduledThreadPool(1, named("ticker"));
    ExecutorService submitters =
        Executors.newFixedThreadPool(Math.min(16, settings.count()), named("customer"));
    ExecutorService agents = Executors.newFixedThreadPool(settings.agents(), named("agent"));
    CountDownLatch dispatched = new CountDownLatch(settings.count());
    AtomicInteger next = new AtomicInteger();
    long periodNanos = Math.max(1, (long) (1_000_000_000L / settings.rate()));
    var dispatcher =
        ticker.scheduleAtFixedRate(
            () -> {
              int index = next.getAndIncrement();
              if (index < settings.count()) {
                submitters.execute(() -> submitAndFollow(index, agents));
                dispatched.countDown();
              }
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
    var redraw =
        ticker.scheduleAtFixedRate(() -> progress.update(false), 200, 200, TimeUnit.MILLISECONDS);

    dispatched.await();
    dispatcher.cancel(false);
    double submitSeconds = (System.nanoTime() - start) / 1e9;
    submitters.shutdown();
    Duration budget = runBudget();
    boolean complete = submitters.awaitTermination(budget.toSeconds(), TimeUnit.SECONDS);
    agents.shutdown();
    long left = Math.max(1, budget.toSeconds() - (System.nanoTime() - start) / 1_000_000_000L);
    complete = complete && agents.awaitTermination(left, TimeUnit.SECONDS);
    if (!complete) {
      agents.shutdownNow();
      submitters.shutdownNow();
      agents.awaitTermination(10, TimeUnit.SECONDS);
      long unfinished = settings.count() - stats.finished.get();
      for (long i = 0; i < unfinished; i++) {
        stats.timedOut("run budget of " + budget.toSeconds() + "s exhausted", "unfinished inquiry");
      }
    }
    redraw.cancel(false);
    ticker.shutdown();
    progress.update(true);
    double elapsed = (System.nanoTime() - start) / 1e9;

    printSummary(elapsed, submitSeconds);
    printKpis(startedAt);
    boolean clean = stats.errors.get() == 0 && stats.timedOut.get() == 0;
    out.println();
    out.println(
        clean
            ? "Result: no errors, nothing timed out (exit 0)"
            : "Result: "
                + stats.errors.get()
                + " error(s), "
                + stats.timedOut.get()
                + " timed out (exit 1)");
    return clean ? 0 : 1;
  }

  /** e.g. {@code resolution gave no answer: POST /api/v1/inquiries/{id}/claim}. */
  private static String unreachable(PlatformUnreachableException e) {
    return e.service() + " gave no answer: " + Stats.template(e.request());
  }

  private Duration runBudget() {
    long seconds = (long) Math.ceil(settings.count() / settings.rate()) + 600;
    return Duration.ofSeconds(seconds);
  }

  /** Submits inquiry {@code index} on its channel; its journey continues on an agent thread. */
  private void submitAndFollow(int index, ExecutorService agents) {
    GeneratedInquiry inquiry;
    Submitted submitted;
    try {
      inquiry = generator.generate(index);
      submitted = submit(inquiry);
      logAccepted(submitted);
    } catch (PlatformUnreachableException e) {
      stats.error(unreachable(e), e.getMessage());
      stats.finished.incrementAndGet();
      return;
    } catch (RuntimeException e) {
      stats.error(
          "submission failed: " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
      stats.finished.incrementAndGet();
      return;
    }
    if (submitted == null) {
      stats.finished.incrementAndGet();
      return;
    }
    try {
      agents.execute(() -> journey(inquiry, submitted));
    } catch (RejectedExecutionException e) {
      stats.finished.incrementAndGet();
    }
  }

  private record Submitted(String inquiryId, byte[] email) {}

  private Writer acceptedLog;
  private Duration submitRetry = Duration.ZERO;

  /**
   * Retries a submission that got no answer or a 502/503/504 for up to {@code window}, with the
   * same idempotency key (or Message-ID), as a channel adapter would while intake restarts: a
   * repeat maps to the same inquiry, so nothing is submitted twice.
   */
  Simulation retrySubmissionsFor(Duration window) {
    submitRetry = window;
    return this;
  }

  private Reply retrying(Supplier<Reply> submission) {
    long deadline = System.nanoTime() + submitRetry.toNanos();
    while (true) {
      try {
        Reply reply = submission.get();
        boolean unavailable =
            reply.status() == 502 || reply.status() == 503 || reply.status() == 504;
        if (!unavailable || System.nanoTime() >= deadline) {
          return reply;
        }
      } catch (PlatformUnreachableException e) {
        if (System.nanoTime() >= deadline) {
          throw e;
        }
      }
      stats.submitRetries.incrementAndGet();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while retrying a submission", e);
      }
    }
  }

  /**
   * Appends the id of every accepted inquiry (202 RECEIVED, or acknowledged by Kafka for the
   * adapter channel) to the file, one a line, as it is accepted: the chaos run's ground truth.
   */
  Simulation recordAcceptedTo(Path file) throws IOException {
    acceptedLog =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return this;
  }

  private void logAccepted(Submitted submitted) {
    if (acceptedLog == null || submitted == null) {
      return;
    }
    synchronized (this) {
      try {
        acceptedLog.write(submitted.inquiryId());
        acceptedLog.write('\n');
        acceptedLog.flush();
      } catch (IOException e) {
        stats.error("--record-accepted: cannot write", e.toString());
      }
    }
  }

  private Submitted submit(GeneratedInquiry inquiry) {
    switch (inquiry.channel()) {
      case PORTAL -> {
        Reply reply =
            stats.record(
                retrying(
                    () -> client.submit(PORTAL_CLIENT, inquiry.toRequestBody(), inquiry.key())));
        return accepted(inquiry, reply, null);
      }
      case EMAIL -> {
        byte[] mail = EmailMessage.rfc822(inquiry, ZonedDateTime.now());
        Reply reply = stats.record(retrying(() -> client.submitEmail(MAIL_GATEWAY, mail)));
        return accepted(inquiry, reply, mail);
      }
      case ADAPTER -> {
        try {
          String id = adapter.submit(inquiry);
          stats.countSubmitted(Channel.ADAPTER);
          return new Submitted(id, null);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        } catch (ExecutionException | TimeoutException e) {
          stats.error(
              "Kafka adapter: publishing to inquiries-submitted failed",
              String.valueOf(e.getCause() == null ? e : e.getCause()));
          return null;
        }
      }
      default -> throw new IllegalStateException("channel " + inquiry.channel());
    }
  }

  private Submitted accepted(GeneratedInquiry inquiry, Reply reply, byte[] email) {
    if (!reply.isOk()) {
      return null;
    }
    String id = reply.text("inquiryId");
    if (id == null || !"RECEIVED".equals(reply.text("status"))) {
      stats.error(
          reply.method() + " " + reply.uri().getPath() + ": expected a new inquiry (RECEIVED)",
          reply.body());
      return null;
    }
    stats.countSubmitted(inquiry.channel());
    return new Submitted(id, email);
  }

  private void journey(GeneratedInquiry inquiry, Submitted submitted) {
    RandomGenerator random =
        InquiryGenerator.randomFor(settings.seed(), inquiry.index(), JOURNEY_SALT);
    try {
      Optional<JsonNode> kase = Optional.empty();
      if (settings.work()) {
        kase = caseWork.awaitCase(inquiry, submitted.inquiryId());
      } else if (inquiry.resent()) {
        // Intake's duplicate index trails its own topic by a moment.
        Thread.sleep(2000);
      }
      if (inquiry.resent()) {
        resend(inquiry, submitted);
      }
      if (kase.isPresent()) {
        caseWork.work(inquiry, submitted.inquiryId(), kase.get(), random);
      }
    } catch (PlatformUnreachableException e) {
      stats.error(unreachable(e), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      stats.error(
          "journey failed: " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    } finally {
      stats.finished.incrementAndGet();
    }
  }

  /** The customer sends the same inquiry again: intake must answer the same id, DUPLICATE. */
  private void resend(GeneratedInquiry inquiry, Submitted submitted) {
    stats.duplicatesSent.incrementAndGet();
    Reply reply =
        stats.record(
            inquiry.channel() == Channel.EMAIL
                ? client.submitEmail(MAIL_GATEWAY, submitted.email())
                : client.submit(PORTAL_CLIENT, inquiry.toRequestBody(), inquiry.key()));
    if (!reply.isOk()) {
      return;
    }
    if (submitted.inquiryId().equals(reply.text("inquiryId"))
        && "DUPLICATE".equals(reply.text("status"))) {
      stats.duplicatesConfirmed.incrementAndGet();
    } else {
      stats.error(
          reply.method()
              + " "
              + reply.uri().getPath()
              + ": a repeated submission must answer the same id with status DUPLICATE",
          "first " + submitted.inquiryId() + ", repeat answered " + reply.body());
    }
  }

  private void printSummary(double elapsed, double submitSeconds) {
    out.println();
    out.println("Summary of run " + settings.runId() + " (seed " + settings.seed() + ")");
    StringBuilder channels = new StringBuilder();
    for (Channel c : Channel.values()) {
      channels
          .append(channels.length() == 0 ? "" : ", ")
          .append(c.label())
          .append(' ')
          .append(stats.submitted(c));
    }
    line("submitted", stats.submittedTotal() + " of " + settings.count() + " (" + channels + ")");
    if (stats.submitRetries.get() > 0) {
      line(
          "submission retries",
          stats.submitRetries.get() + " (intake unavailable; same key, so no second inquiry)");
    }
    line(
        "duplicates",
        stats.duplicatesSent.get()
            + " resent, "
            + stats.duplicatesConfirmed.get()
            + " answered DUPLICATE with the original id");
    if (settings.work()) {
      line(
          "worked by agents",
          stats.worked.get() + " (" + stats.claimed.get() + " claimed from a queue)");
      line(
          "information requested",
          stats.infoRequested.get() + " (customer follow-ups " + stats.followUps.get() + ")");
      line(
          "actions proposed",
          stats.actionsProposed.get()
              + " ("
              + stats.actionsWithoutApproval.get()
              + " needed no approval)");
      line("approved", String.valueOf(stats.approved.get()));
      line("rejected", String.valueOf(stats.rejected.get()));
      line("resolved by agents", String.valueOf(stats.resolved.get()));
      line(
          "auto-answered",
          stats.autoAnswered.get() + " (resolved at first contact from the ledger)");
      line(
          "rated",
          stats.rated.get()
              + (stats.feedbackRetries.get() == 0
                  ? ""
                  : " (intake answered 409 to "
                      + stats.feedbackRetries.get()
                      + " earlier attempts: it had not seen the resolution yet; retried)"));
    } else {
      line("work", "off (--work false): inquiries only submitted");
    }
    line(
        "HTTP answers",
        "ok "
            + stats.ok.get()
            + ", refused "
            + stats.refused.get()
            + ", errors (HTTP and other) "
            + stats.errors.get());
    problems("refused", stats.refused.get(), stats.refusals());
    problems("errors", stats.errors.get(), stats.errorKinds());
    problems("timed out", stats.timedOut.get(), stats.timeouts());
    line("elapsed", String.format(Locale.ROOT, "%.1f s", elapsed));
    line(
        "achieved rate",
        String.format(
            Locale.ROOT,
            "%.2f inquiries/s while submitting (target %.2f), %.2f/s over the whole run",
            stats.submittedTotal() / Math.max(submitSeconds, 1e-9),
            settings.rate(),
            stats.submittedTotal() / Math.max(elapsed, 1e-9)));
  }

  private void problems(String label, long total, Map<String, Stats.Problem> kinds) {
    line(label, String.valueOf(total));
    kinds.forEach(
        (kind, p) -> {
          out.println(String.format(Locale.ROOT, "      %4d x %s", p.count().get(), kind));
          out.println("             e.g. " + p.sample());
        });
  }

  private void printKpis(Instant startedAt) throws InterruptedException {
    long resolvedTarget = stats.resolved.get() + stats.autoAnswered.get();
    long ratedTarget = stats.rated.get();
    // Without work, wait until metrics counted what was received; the adapter's may lag a little.
    long receivedTarget = settings.work() ? 0 : stats.submittedTotal();
    Instant from = startedAt.minusSeconds(5);
    out.println();
    out.println(
        "KPIs from metrics-service since "
            + from
            + " (waiting up to "
            + settings.kpiWait().toSeconds()
            + "s for "
            + (settings.work()
                ? resolvedTarget + " resolutions and " + ratedTarget + " ratings)"
                : receivedTarget + " received inquiries)"));
    long deadline = System.nanoTime() + settings.kpiWait().toNanos();
    Reply last = null;
    long start = System.nanoTime();
    try {
      while (true) {
        last = client.kpis(from, null, null);
        JsonNode all = last.json() == null ? null : last.json().path("groups").path("all");
        boolean counted =
            last.isOk()
                && all != null
                && all.path("received").asLong(0) >= receivedTarget
                && all.path("resolved").asLong(0) >= resolvedTarget
                && all.path("csatResponses").asLong(0) >= ratedTarget;
        if (counted || System.nanoTime() >= deadline) {
          stats.record(last);
          if (!last.isOk()) {
            out.println("  GET /api/v1/kpis answered " + last.status() + ": " + last.detail());
            return;
          }
          long resolved = all == null ? 0 : all.path("resolved").asLong(0);
          long received = all == null ? 0 : all.path("received").asLong(0);
          out.println(
              String.format(
                  Locale.ROOT,
                  "  metrics-service counted %d of our %d received, %d of our %d resolutions and %d of"
                      + " our %d ratings after %.1f s",
                  received,
                  stats.submittedTotal(),
                  resolved,
                  resolvedTarget,
                  all == null ? 0 : all.path("csatResponses").asLong(0),
                  ratedTarget,
                  (System.nanoTime() - start) / 1e9));
          if (!counted) {
            stats.timedOut(
                "KPIs: metrics-service did not count the run within "
                    + settings.kpiWait().toSeconds()
                    + "s",
                "received "
                    + received
                    + " of "
                    + stats.submittedTotal()
                    + ", resolved "
                    + resolved
                    + " of "
                    + resolvedTarget);
          }
          KpiReport.lines(last.json()).forEach(out::println);
          return;
        }
        Thread.sleep(1000);
      }
    } catch (PlatformUnreachableException e) {
      stats.error("metrics unreachable", e.getMessage());
      out.println("  " + e.getMessage());
    }
  }

  private void line(String label, String value) {
    out.println(String.format(Locale.ROOT, "  %-22s %s", label, value));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
