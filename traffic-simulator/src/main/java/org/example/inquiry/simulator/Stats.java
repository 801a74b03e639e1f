package org.example.inquiry.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.example.inquiry.client.Reply;
import org.example.inquiry.simulator.traffic.Channel;

/**
 * What a run did, counted from every thread: submissions per channel, the work done, and every HTTP
 * status (2xx ok, 403/409 refused, anything else an error, with a sample per kind). A refusal the
 * workflow did not lead the simulated user to expect is an error too.
 */
public final class Stats {

  /** How often one kind of refusal or error happened, with the first sample. */
  public record Problem(AtomicLong count, String sample) {}

  private final Map<Channel, AtomicLong> submitted = new EnumMap<>(Channel.class);
  public final AtomicLong duplicatesSent = new AtomicLong();
  public final AtomicLong duplicatesConfirmed = new AtomicLong();
  public final AtomicLong worked = new AtomicLong();
  public final AtomicLong claimed = new AtomicLong();
  public final AtomicLong infoRequested = new AtomicLong();
  public final AtomicLong followUps = new AtomicLong();
  public final AtomicLong actionsProposed = new AtomicLong();
  public final AtomicLong actionsWithoutApproval = new AtomicLong();
  public final AtomicLong approved = new AtomicLong();
  public final AtomicLong rejected = new AtomicLong();
  public final AtomicLong resolved = new AtomicLong();
  public final AtomicLong autoAnswered = new AtomicLong();
  public final AtomicLong rated = new AtomicLong();
  public final AtomicLong feedbackRetries = new AtomicLong();
  public final AtomicLong submitRetries = new AtomicLong();
  public final AtomicLong ok = new AtomicLong();
  public final AtomicLong refused = new AtomicLong();
  public final AtomicLong errors = new AtomicLong();
  public final AtomicLong timedOut = new AtomicLong();
  public final AtomicLong finished = new AtomicLong();
  private final ConcurrentMap<String, Problem> refusals = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Problem> errorKinds = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Problem> timeouts = new ConcurrentHashMap<>();

  public Stats() {
    for (Channel c : Channel.values()) {
      submitted.put(c, new AtomicLong());
    }
  }

  public void countSubmitted(Channel channel) {
    submitted.get(channel).incrementAndGet();
  }

  public long submitted(Channel channel) {
    return submitted.get(channel).get();
  }

  public long submittedTotal() {
    return submitted.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /**
   * Counts the reply by its status and returns it. A refusal (403/409) here is unexpected: the
   * simulated user did what the workflow allows, so it also counts as an error.
   */
  public Reply record(Reply reply) {
    return record(reply, false);
  }

  /**
   * Counts a reply to a call that the platform may refuse as part of the workflow (a financial
   * action for a customer whose KYC is not verified, an approver excluded from the case): a refusal
   * is counted as refused, not as an error.
   */
  public Reply recordExpectingRefusal(Reply reply) {
    return record(reply, true);
  }

  private Reply record(Reply reply, boolean refusalExpected) {
    if (reply.isOk()) {
      ok.incrementAndGet();
    } else if (reply.isRefused()) {
      refused.incrementAndGet();
      tally(refusals, kind(reply), reply.detail());
      if (!refusalExpected) {
        errors.incrementAndGet();
        tally(errorKinds, "unexpected refusal: " + kind(reply), reply.detail());
      }
    } else {
      errors.incrementAndGet();
      tally(errorKinds, kind(reply), reply.body().isBlank() ? "(no body)" : reply.body());
    }
    return reply;
  }

  /** An error that is not an HTTP status (an exception, an unexpected answer). */
  public void error(String kind, String sample) {
    errors.incrementAndGet();
    tally(errorKinds, kind, sample);
  }

  /** A wait that ran out. */
  public void timedOut(String kind, String sample) {
    timedOut.incrementAndGet();
    tally(timeouts, kind, sample);
  }

  public Map<String, Problem> refusals() {
    return new TreeMap<>(refusals);
  }

  public Map<String, Problem> errorKinds() {
    return new TreeMap<>(errorKinds);
  }

  public Map<String, Problem> timeouts() {
    return new TreeMap<>(timeouts);
  }

  /** e.g. {@code POST /api/v1/inquiries/{id}/claim 409}. */
  static String kind(Reply reply) {
    return template(reply.method() + " " + reply.uri().getPath()) + " " + reply.status();
  }

  /** Ids in a request line replaced by {@code {id}}. */
  static String template(String request) {
    return request
        .replaceAll(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}")
        .replaceAll("/customers/[^/]+$", "/customers/{id}");
  }

  private static void tally(ConcurrentMap<String, Problem> map, String kind, String sample) {
    map.computeIfAbsent(kind, k -> new Problem(new AtomicLong(), abbreviate(sample)))
        .count()
        .incrementAndGet();
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
  }
}
