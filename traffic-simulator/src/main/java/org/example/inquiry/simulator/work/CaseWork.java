package org.example.inquiry.simulator.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.example.inquiry.client.PlatformClient;
import org.example.inquiry.client.Reply;
import org.example.inquiry.simulator.Stats;
import org.example.inquiry.simulator.traffic.GeneratedInquiry;
import org.example.inquiry.simulator.traffic.InquiryType;
import tools.jackson.databind.JsonNode;

/**
 * How people handle one submitted inquiry, over the public API only: wait for its case in
 * resolution; if it was answered automatically, the customer just rates it. Otherwise the assigned
 * (or a claiming) agent replies, sometimes asks for information and gets the customer's follow-up
 * through intake, proposes a fitting financial action that different approvers approve (or, about
 * one in ten, reject), resolves with the confirmed type, and the customer rates the outcome.
 */
public final class CaseWork {

  /** How long the steps may wait. */
  public record Timeouts(
      Duration caseAppears, Duration followUpArrives, Duration feedbackAccepted) {}

  private static final Map<InquiryType, List<String>> RESOLUTION_CODES =
      new EnumMap<>(InquiryType.class);
  private static final Map<InquiryType, List<String>> ROOT_CAUSES =
      new EnumMap<>(InquiryType.class);

  static {
    for (InquiryType t : InquiryType.values()) {
      RESOLUTION_CODES.put(t, List.of("EXPLAINED", "INFORMATION_PROVIDED"));
      ROOT_CAUSES.put(t, List.of("customer question", "information request"));
    }
    RESOLUTION_CODES.put(InquiryType.INVOICE_COPY, List.of("DOCUMENT_SENT"));
    ROOT_CAUSES.put(
        InquiryType.INVOICE_COPY, List.of("invoice not received", "invoice lost by customer"));
    RESOLUTION_CODES.put(InquiryType.PAYMENT_STATUS, List.of("INFORMATION_PROVIDED"));
    ROOT_CAUSES.put(
        InquiryType.PAYMENT_STATUS, List.of("remittance not matched", "payment in transit"));
    ROOT_CAUSES.put(
        InquiryType.BILLING_DISCREPANCY,
        List.of("price master outdated", "quantity invoiced above delivery", "surcharge applied"));
    ROOT_CAUSES.put(
        InquiryType.DISPUTE,
        List.of("damaged goods", "goods not ordered", "service not performed"));
    ROOT_CAUSES.put(
        InquiryType.REFUND, List.of("duplicate payment", "credit balance after return"));
    ROOT_CAUSES.put(
        InquiryType.LOGISTICS_BILLING,
        List.of("carrier delay", "partial shipment", "freight rate"));
    ROOT_CAUSES.put(InquiryType.CREDIT_LIMIT, List.of("seasonal demand", "business growth"));
    ROOT_CAUSES.put(InquiryType.PAYMENT_TERMS, List.of("customer cash cycle", "group policy"));
    ROOT_CAUSES.put(
        InquiryType.DEBT_RESTRUCTURING,
        List.of("temporary cash shortfall", "customer insolvency risk"));
    ROOT_CAUSES.put(
        InquiryType.LETTER_OF_CREDIT, List.of("document discrepancy", "shipment date change"));
    RESOLUTION_CODES.put(InquiryType.KYC_MASTER_DATA, List.of("MASTER_DATA_UPDATED"));
    ROOT_CAUSES.put(InquiryType.KYC_MASTER_DATA, List.of("address change", "bank details change"));
    ROOT_CAUSES.put(InquiryType.TREASURY_FX, List.of("FX rate question", "bank charges"));
  }

  /** How long people pause between two steps on average (0: no pauses). */
  private final Duration thinkTime;

  private final PlatformClient client;
  private final Stats stats;
  private final Timeouts timeouts;
  private final String channelUser;

  /**
   * @param thinkTime average pause of a person between two steps, randomised 0.5x to 1.5x (the
   *     pauses use their own randomness, so the seed still decides every choice)
   * @param channelUser the channel client the customer's follow-ups and ratings come through
   */
  public CaseWork(
      PlatformClient client,
      Stats stats,
      Timeouts timeouts,
      Duration thinkTime,
      String channelUser) {
    this.thinkTime = thinkTime;
    this.client = client;
    this.stats = stats;
    this.timeouts = timeouts;
    this.channelUser = channelUser;
  }

  /** Waits for the case of {@code inquiryId}; empty (counted as timed out) when it never shows. */
  public Optional<JsonNode> awaitCase(GeneratedInquiry inquiry, String inquiryId) {
    Optional<JsonNode> found =
        client.awaitCase(inquiryId, timeouts.caseAppears(), c -> c.has("status"));
    if (found.isEmpty()) {
      stats.timedOut(
          "case did not appear in resolution within " + seconds(timeouts.caseAppears()),
          "inquiry "
              + inquiryId
              + " ("
              + inquiry.channel().label()
              + ", "
              + inquiry.type().slug()
              + ")");
    }
    return found;
  }

  /** Works the case to resolution (or rates it when it was answered automatically). */
  public void work(GeneratedInquiry inquiry, String id, JsonNode kase, RandomGenerator random) {
    if ("RESOLVED".equals(text(kase, "status"))) {
      if ("AUTO_ANSWERED".equals(text(kase.path("resolution"), "code"))) {
        stats.autoAnswered.incrementAndGet();
      }
      rate(inquiry, id, random, false);
      return;
    }
    List<String> excluded = strings(kase.path("excludedPeople"));
    JsonNode lead = leadTeam(kase);
    String team = lead == null ? "triage" : text(lead, "team");
    String assignee = text(kase, "assignee");
    String agent;
    if (Staff.isAgent(assignee) && !excluded.contains(assignee)) {
      agent = assignee;
    } else {
      List<String> pool = Staff.agentsOf(team, excluded);
      agent = pool.get(random.nextInt(pool.size()));
      think();
      Reply claim = stats.record(client.claim(id, agent));
      if (!claim.isOk()) {
        return;
      }
      stats.claimed.incrementAndGet();
    }
    stats.worked.incrementAndGet();

    think();
    if (!stats.record(client.reply(id, agent, firstResponse(inquiry))).isOk()) {
      return;
    }
    if (inquiry.customer() != null && random.nextDouble() < 0.15) {
      if (!askAndGetFollowUp(inquiry, id, agent)) {
        return;
      }
    }

    boolean adjusted = false;
    boolean declined = false;
    ActionPlan plan = ActionPlan.forInquiry(inquiry, random);
    if (plan != null && !verifiedCustomer(kase)) {
      // Financial actions need a linked, KYC-verified customer: the agent explains instead.
      stats.record(
          client.note(
              id,
              agent,
              "agent",
              "No " + plan.type() + ": the customer is not linked or its KYC is not verified."));
      plan = null;
    }
    if (plan != null) {
      Decision decision = proposeAndDecide(id, agent, plan, lead, excluded, random);
      if (decision == Decision.FAILED) {
        return;
      }
      adjusted = decision == Decision.APPROVED;
      declined = decision == Decision.REJECTED;
    }

    String code =
        adjusted
            ? "ADJUSTED"
            : declined ? "DECLINED" : pick(random, RESOLUTION_CODES.get(inquiry.type()));
    String rootCause = pick(random, ROOT_CAUSES.get(inquiry.type()));
    think();
    Reply resolved =
        stats.record(client.resolve(id, agent, code, rootCause, List.of(inquiry.type().slug())));
    if (!resolved.isOk()) {
      return;
    }
    stats.resolved.incrementAndGet();
    rate(inquiry, id, random, declined);
  }

  private enum Decision {
    APPROVED,
    REJECTED,
    NONE_NEEDED,
    FAILED
  }

  private Decision proposeAndDecide(
      String id,
      String agent,
      ActionPlan plan,
      JsonNode lead,
      List<String> excluded,
      RandomGenerator random) {
    think();
    // Refused (409) when the customer's KYC is not verified today: the workflow's answer.
    Reply proposed =
        stats.recordExpectingRefusal(
            client.proposeAction(
                id,
                agent,
                plan.type(),
                plan.amount(),
                plan.currency(),
                plan.invoiceReference(),
                plan.reason()));
    if (proposed.isRefused()) {
      return Decision.NONE_NEEDED;
    }
    if (!proposed.isOk()) {
      return Decision.FAILED;
    }
    stats.actionsProposed.incrementAndGet();
    String actionId = proposed.text("actionId");
    JsonNode action = actionOf(proposed.json().path("case"), actionId);
    if (action == null) {
      stats.error("POST /api/v1/inquiries/{id}/actions: no action in the answer", proposed.body());
      return Decision.FAILED;
    }
    if ("APPROVED".equals(text(action, "state"))) {
      stats.actionsWithoutApproval.incrementAndGet();
      return Decision.APPROVED;
    }
    int required = action.path("approvalsRequired").asInt(1);
    String role = text(action, "approverRole");
    List<String> approvers;
    String approverRole;
    if ("supervisor".equals(role)) {
      approverRole = "supervisor";
      approvers = new ArrayList<>();
      String supervisor = lead == null ? null : text(lead, "supervisor");
      approvers.add(
          supervisor == null || excluded.contains(supervisor) ? "sup.finance" : supervisor);
      approvers.add("sup.finance");
    } else {
      approverRole = role == null ? "approver" : role;
      approvers = Staff.approversFor(agent, excluded, random);
    }
    if (random.nextDouble() < 0.10) {
      think();
      Reply rejection =
          stats.record(
              client.reject(
                  id,
                  actionId,
                  approvers.get(0),
                  approverRole,
                  pick(
                      random,
                      List.of(
                          "not supported by the delivery documents",
                          "amount exceeds what the contract allows",
                          "customer already received a goodwill credit this quarter"))));
      if (!rejection.isOk()) {
        return Decision.FAILED;
      }
      stats.rejected.incrementAndGet();
      return Decision.REJECTED;
    }
    int approvals = 0;
    for (String approver : approvers) {
      if (approvals >= required) {
        break;
      }
      think();
      // An approver may be refused (maker-checker, exclusion, an approval already given): the
      // next one is asked.
      Reply approval =
          stats.recordExpectingRefusal(client.approve(id, actionId, approver, approverRole));
      if (approval.isOk()) {
        approvals++;
      } else if (!approval.isRefused()) {
        return Decision.FAILED;
      }
    }
    if (approvals < required) {
      stats.error(
          "approvals: not enough approvers accepted",
          "action " + actionId + " on " + id + " needs " + required + " " + approverRole);
      return Decision.FAILED;
    }
    stats.approved.incrementAndGet();
    return Decision.APPROVED;
  }

  /** Asks the customer for information; the customer answers through intake. */
  private boolean askAndGetFollowUp(GeneratedInquiry inquiry, String id, String agent) {
    Reply asked =
        stats.record(
            client.requestInformation(
                id,
                agent,
                "Could you please send us the delivery note and your remittance advice for "
                    + (inquiry.invoice() == null
                        ? "this request"
                        : "invoice " + inquiry.invoice().documentNumber())
                    + "?"));
    if (!asked.isOk()) {
      return false;
    }
    stats.infoRequested.incrementAndGet();
    int before = asked.json() == null ? 0 : asked.json().path("case").path("followUps").asInt(0);
    think();
    Reply followUp =
        stats.record(
            client.followUp(
                channelUser,
                id,
                inquiry.contactName(),
                inquiry.contactEmail(),
                "Re: " + inquiry.subject(),
                "Hello,\n\nplease find the delivery note and our remittance advice attached.\n\n"
                    + "Regards,\n"
                    + inquiry.contactName(),
                inquiry.key() + "-follow-up"));
    if (!followUp.isOk()) {
      return false;
    }
    stats.followUps.incrementAndGet();
    Optional<JsonNode> seen =
        client.awaitCase(
            id, timeouts.followUpArrives(), c -> c.path("followUps").asInt(0) > before);
    if (seen.isEmpty()) {
      stats.timedOut(
          "follow-up did not reach the case within " + seconds(timeouts.followUpArrives()),
          "inquiry " + id);
      return false;
    }
    return stats
        .record(
            client.reply(id, agent, "Thank you, we received the documents and are checking them."))
        .isOk();
  }

  /** The customer rates most resolved inquiries; intake takes it once it knows the resolution. */
  private void rate(GeneratedInquiry inquiry, String id, RandomGenerator random, boolean declined) {
    if (random.nextDouble() >= 0.85) {
      return;
    }
    int score = score(random, declined);
    long deadline = System.nanoTime() + timeouts.feedbackAccepted().toNanos();
    while (true) {
      Reply reply =
          client.feedback(
              channelUser,
              id,
              score,
              score >= 4 ? "Quick and clear answer, thank you." : "Took too long to sort out.",
              inquiry.key() + "-feedback");
      boolean notYet = reply.status() == 409 && System.nanoTime() < deadline;
      if (!notYet) {
        stats.record(reply);
        if (reply.isOk()) {
          stats.rated.incrementAndGet();
        }
        return;
      }
      // Intake learns of the resolution from inquiries-resolved a moment after resolution does.
      stats.feedbackRetries.incrementAndGet();
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A person's pause before the next step. */
  private void think() {
    if (thinkTime.isZero()) {
      return;
    }
    long millis = (long) (thinkTime.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static int score(RandomGenerator random, boolean declined) {
    double x = random.nextDouble();
    if (declined) {
      return x < 0.2 ? 1 : x < 0.45 ? 2 : x < 0.75 ? 3 : 4;
    }
    return x < 0.03 ? 1 : x < 0.08 ? 2 : x < 0.2 ? 3 : x < 0.5 ? 4 : 5;
  }

  private static String firstResponse(GeneratedInquiry inquiry) {
    String name = inquiry.contactName().split(" ")[0];
    String about =
        inquiry.invoice() == null
            ? "your request"
            : "invoice " + inquiry.invoice().documentNumber();
    return "Dear "
        + name
        + ",\n\nthank you for your message about "
        + about
        + ". We are looking into it and will come back to you shortly.\n\nCustomer Finance";
  }

  /** Whether the case is linked to a customer whose KYC was verified at intake. */
  private static boolean verifiedCustomer(JsonNode kase) {
    JsonNode context = kase.path("context");
    return text(context, "customerId") != null && "VERIFIED".equals(text(context, "kycStatus"));
  }

  private static JsonNode leadTeam(JsonNode kase) {
    JsonNode first = null;
    for (JsonNode t : kase.path("teams")) {
      if (first == null) {
        first = t;
      }
      if (t.path("lead").asBoolean(false)) {
        return t;
      }
    }
    return first;
  }

  private static JsonNode actionOf(JsonNode kase, String actionId) {
    for (JsonNode a : kase.path("actions")) {
      if (actionId != null && actionId.equals(text(a, "actionId"))) {
        return a;
      }
    }
    return null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    for (JsonNode n : array) {
      list.add(n.asString());
    }
    return list;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }

  private static <T> T pick(RandomGenerator random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
