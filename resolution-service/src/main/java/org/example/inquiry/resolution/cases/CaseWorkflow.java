package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.example.inquiry.schemas.Channel;

/**
 * The case state machine: every method takes the current case and returns a {@link Step} (the next
 * case, the events it caused and, for a command, its outcome). It answers a repeated command from
 * memory, refuses anything by a person excluded from the inquiry, and hands each concern to its
 * class: {@link Lifecycle} (routing, follow-ups, claim, assignment, linking, resolution), {@link
 * Answers} (replies, requests for information, notes, automatic answers), {@link Approvals}
 * (financial actions and their approval layers under {@link SegregationOfDuties}) and {@link
 * SlaClock}. Pure: no clock, no I/O.
 */
public final class CaseWorkflow {

  public static final String AUTO_RESPONDER = Answers.AUTO_RESPONDER;

  private final Approvals approvals;
  private final SlaClock slaClock;
  private final FinanceAcknowledgements acknowledgements;
  private final String messageIdDomain;
  private final String watchSettings;

  /**
   * @param fxToBase rates to the base currency the approval ladder is expressed in, for cases
   *     routed before the router put its rates on the event (empty: such cases refuse foreign
   *     amounts)
   * @param warnAtFraction share of an SLA target after which a warning is raised (e.g. 0.75)
   * @param postings how approved actions are booked, and how long finance may take to answer
   */
  public CaseWorkflow(
      Map<String, BigDecimal> fxToBase, double warnAtFraction, PostingPolicy postings) {
    this(fxToBase, warnAtFraction, postings, Conversation.DEFAULT_MESSAGE_ID_DOMAIN);
  }

  /**
   * @param messageIdDomain the domain of the ids answers to customers are sent with (their email
   *     Message-ID)
   */
  public CaseWorkflow(
      Map<String, BigDecimal> fxToBase,
      double warnAtFraction,
      PostingPolicy postings,
      String messageIdDomain) {
    this.approvals = new Approvals(fxToBase, new Postings(postings));
    this.slaClock = new SlaClock(warnAtFraction);
    this.acknowledgements = new FinanceAcknowledgements(postings.acknowledgementTimeout());
    this.messageIdDomain = messageIdDomain;
    this.watchSettings =
        "warnAt=" + warnAtFraction + ";acknowledgementTimeout=" + postings.acknowledgementTimeout();
  }

  /** With the default posting policy ({@link PostingPolicy#defaults()}). */
  public CaseWorkflow(Map<String, BigDecimal> fxToBase, double warnAtFraction) {
    this(fxToBase, warnAtFraction, PostingPolicy.defaults());
  }

  // ---- facts from other services -------------------------------------------------------------

  /** Opens the case from its routing ({@code routed}: the case as the router routed it). */
  public Step routed(InquiryCase current, InquiryCase routed, Instant at) {
    return Lifecycle.routed(current, routed, at);
  }

  /**
   * Puts the customer's message as intake received it on a case that is already open (usually it
   * comes before routing and the processor hands it to {@link #opened}); nothing without a case.
   */
  public Step received(InquiryCase current, InquiryCase.Message inquiry) {
    if (current == null) {
      return Step.nothing();
    }
    InquiryCase.Edit next = current.edit();
    return Conversation.addInbound(next, inquiry) ? Step.of(next.build()) : Step.of(current);
  }

  /**
   * The step of a case just opened, with the customer's message at the start of its conversation.
   */
  public Step opened(Step routed, InquiryCase.Message inquiry) {
    if (inquiry == null || routed.next() == null) {
      return routed;
    }
    InquiryCase.Edit next = routed.next().edit();
    Conversation.addInbound(next, inquiry);
    return new Step(next.build(), routed.events(), routed.outcome());
  }

  /**
   * A customer follow-up, on the conversation: after the first response it rules out first-contact
   * resolution.
   */
  public Step followedUp(InquiryCase current, InquiryCase.Message followUp) {
    return Lifecycle.followedUp(current, followUp);
  }

  /** A follow-up without its text (tests of the lifecycle). */
  public Step followedUp(InquiryCase current, Instant at, Channel channel) {
    return followedUp(
        current,
        new InquiryCase.Message(
            "follow-up-" + at.toEpochMilli(),
            InquiryCase.MessageKind.FOLLOW_UP,
            at,
            null,
            channel,
            null,
            null,
            null,
            null,
            List.of(),
            true,
            null));
  }

  /**
   * A sender's report on an outbound message: sent, or failed after its retries (an alert on the
   * timeline and {@code inquiries-worked}).
   *
   * @throws IllegalArgumentException when there is no such case (the report goes to the dead
   *     letters with the reason)
   */
  public Step delivered(InquiryCase current, Conversation.DeliveryReport report) {
    return Conversation.delivered(current, report);
  }

  /** A request on the case that security refused (401/403): on the timeline, at most 100. */
  public Step requestRefused(
      InquiryCase current,
      int httpStatus,
      String actor,
      String request,
      String reason,
      Instant at) {
    return Lifecycle.requestRefused(current, httpStatus, actor, request, reason, at);
  }

  /** Answers and resolves a just-opened simple inquiry from the ledger, at first contact. */
  public Step autoAnswered(InquiryCase opened, String answer, Instant at) {
    return Answers.autoAnswered(opened, answer, at, messageIdDomain);
  }

  /** A simple request that was not answered automatically, with why, left to its agents. */
  public Step autoAnswerWithheld(InquiryCase opened, String reason, Instant at) {
    return Answers.autoAnswerWithheld(opened, reason, at);
  }

  // ---- commands ------------------------------------------------------------------------------

  public Step handle(InquiryCase current, CaseCommand c) {
    return handle(current, c, id -> null);
  }

  /** Checks a command with the customer master but no ledger: documents are unknown. */
  public Step handle(
      InquiryCase current, CaseCommand c, Function<String, CustomerFacts> customers) {
    return handle(current, c, customers, document -> null);
  }

  /**
   * Checks a command against the case. {@code customers} looks a customer up in the customer master
   * as it is now (null when unknown): linking needs it, and financial actions are only proposed for
   * a linked customer whose KYC is verified today. {@code documentOwners} gives the customer a
   * ledger document belongs to (null when the ledger does not know it): a financial action may only
   * reference a document of the case's own customer.
   */
  public Step handle(
      InquiryCase current,
      CaseCommand c,
      Function<String, CustomerFacts> customers,
      Function<String, String> documentOwners) {
    if (current == null) {
      return Outcomes.notFound(c);
    }
    CommandOutcome earlier = current.outcomes().get(c.commandId());
    if (earlier != null) {
      return new Step(current, List.of(), earlier);
    }
    var excluded = SegregationOfDuties.mayAct(current, c.actor());
    if (excluded.isPresent()) {
      return Outcomes.refuse(current, c, excluded.get());
    }
    if (c instanceof CaseCommand.Claim claim) {
      return Lifecycle.claim(current, claim);
    } else if (c instanceof CaseCommand.Assign assign) {
      return Lifecycle.assign(current, assign);
    } else if (c instanceof CaseCommand.Reply reply) {
      return Answers.reply(current, reply, messageIdDomain);
    } else if (c instanceof CaseCommand.RequestInfo request) {
      return Answers.requestInfo(current, request, messageIdDomain);
    } else if (c instanceof CaseCommand.Note note) {
      return Answers.note(current, note);
    } else if (c instanceof CaseCommand.ProposeAction propose) {
      return approvals.propose(current, propose, customers, documentOwners);
    } else if (c instanceof CaseCommand.LinkCustomer link) {
      return Lifecycle.linkCustomer(current, link, customers);
    } else if (c instanceof CaseCommand.Decide decide) {
      return approvals.decide(current, decide, customers);
    } else if (c instanceof CaseCommand.Resolve resolve) {
      return Lifecycle.resolve(current, resolve);
    } else if (c instanceof CaseCommand.Reopen reopen) {
      return Lifecycle.reopen(current, reopen);
    } else if (c instanceof CaseCommand.Escalate escalate) {
      return Lifecycle.escalate(current, escalate);
    } else if (c instanceof CaseCommand.Reclassify reclassify) {
      return Lifecycle.reclassify(current, reclassify);
    } else if (c instanceof CaseCommand.Reroute reroute) {
      return Lifecycle.reroute(current, reroute);
    }
    return Outcomes.refuse(current, c, new Refusal.Invalid("unknown command " + c.type()));
  }

  // ---- SLA clocks ----------------------------------------------------------------------------

  /**
   * Raises each SLA warning and breach once (breaches escalate to the lead team's supervisor), and
   * each approved effect finance has not acknowledged in time, once, resolved case or not.
   */
  public Step slaTick(InquiryCase current, Instant now) {
    return slaTick(current, now, document -> null);
  }

  /**
   * {@link #slaTick(InquiryCase, Instant)}, and the ledger watch: an open dispute or payment-status
   * inquiry whose invoices were all cleared in the ledger since it came in is resolved or flagged
   * once ({@link LedgerWatch}). {@code ledger} looks a document up (null when unknown).
   */
  public Step slaTick(
      InquiryCase current, Instant now, Function<String, AutoAnswer.LedgerItem> ledger) {
    List<CaseEvent> events = new java.util.ArrayList<>();
    Step sla = slaClock.tick(current, now);
    events.addAll(sla.events());
    Step postings = acknowledgements.overdue(sla.next(), now);
    events.addAll(postings.events());
    Step watched = LedgerWatch.tick(postings.next(), ledger, now);
    events.addAll(watched.events());
    return events.isEmpty() ? sla : new Step(watched.next(), events, null);
  }

  /**
   * When {@link #slaTick} could next change this case, and what its ledger watch looks up: the case
   * processor checks a case only once that time has passed or those invoices are cleared ({@link
   * #ledgerCleared}). Never later than the clocks themselves (tested against {@link #slaTick}).
   */
  public CaseWatch watch(InquiryCase current) {
    if (current == null) {
      return new CaseWatch(null, List.of(), null, null);
    }
    Instant wakeAt =
        SlaClock.earliest(slaClock.nextDue(current), acknowledgements.nextDue(current));
    List<String> invoices = LedgerWatch.watchedInvoices(current);
    return invoices.isEmpty()
        ? new CaseWatch(wakeAt, List.of(), null, null)
        : new CaseWatch(
            wakeAt, invoices, current.context().customerId(), current.context().receivedAt());
  }

  /**
   * The settings {@link #watch} depends on, besides the code and the case: a case index built under
   * other settings is built again.
   */
  public String watchSettings() {
    return watchSettings;
  }

  /** Whether the ledger watch of a case would fire now: every invoice it watches is cleared. */
  public boolean ledgerCleared(CaseWatch watch, Function<String, AutoAnswer.LedgerItem> ledger) {
    return !watch.invoices().isEmpty()
        && LedgerWatch.cleared(watch.invoices(), watch.customerId(), watch.receivedAt(), ledger)
            != null;
  }

  // ---- finance systems -----------------------------------------------------------------------

  /**
   * A finance system's answer to an approved effect: posted (with its document number) or rejected
   * (with a reason, an alert to the lead team's supervisor), on the action and the timeline. A
   * repeated answer changes nothing; one for an effect the case does not have as approved is put on
   * the timeline as unmatched.
   *
   * @throws IllegalArgumentException when there is no such case (the acknowledgement goes to the
   *     dead letters with the reason)
   */
  public Step acknowledged(InquiryCase current, FinanceAcknowledgements.Acknowledgement ack) {
    return acknowledgements.acknowledged(current, ack);
  }

  /** The router's rates that came with the case; the configured fallback for older cases. */
  public Map<String, BigDecimal> ratesFor(Map<String, BigDecimal> routedRates) {
    return approvals.ratesFor(routedRates);
  }
}
