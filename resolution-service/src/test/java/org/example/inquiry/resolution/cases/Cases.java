package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Object mother: the seed case as resolution receives it, and commands on it. */
final class Cases {

  static final Instant RECEIVED = Instant.parse("2026-11-25T09:00:00Z");

  private Cases() {}

  static InquiryCase routedSeedCase() {
    InquiryCase c = new InquiryCase();
    c.inquiryId = "seed-1";
    c.context =
        new InquiryCase.Context(
            RECEIVED,
            "PORTAL",
            "C-1001",
            "ENTERPRISE",
            "NA",
            "VERIFIED",
            "PASSED",
            new BigDecimal("22000"),
            "USD",
            List.of("LETTER_OF_CREDIT:LC-77"),
            "PASSED");
    c.types = List.of("logistics-billing", "letter-of-credit");
    c.urgency = "HIGH";
    c.teams =
        List.of(
            new InquiryCase.Team("operations", true, "omar", "sup.operations"),
            new InquiryCase.Team("billing", false, "ben", "sup.billing"));
    c.routingReason = "types -> [operations, billing]";
    c.priority = 71;
    c.responseDueAt = RECEIVED.plus(Duration.ofHours(4));
    c.resolutionDueAt = RECEIVED.plus(Duration.ofHours(20));
    c.slaCalendar = "americas";
    c.approvalLadder =
        List.of(
            new InquiryCase.ApprovalTier("REBILL", new BigDecimal("0"), "SINGLE", "approver"),
            new InquiryCase.ApprovalTier("REBILL", new BigDecimal("10000"), "DUAL", "approver"),
            new InquiryCase.ApprovalTier(
                "REBILL", new BigDecimal("100000"), "ELEVATED", "supervisor"),
            new InquiryCase.ApprovalTier("REFUND", new BigDecimal("0"), "SINGLE", "approver"),
            new InquiryCase.ApprovalTier("REVISED_DELIVERY", new BigDecimal("0"), "NONE", ""));
    c.excludedPeople = List.of("am.jsmith");
    return c;
  }

  /** The optional fields of a command; each fixture fills what its command needs. */
  private static final class Draft {
    String assignee;
    String text;
    String actionId;
    String actionType;
    BigDecimal amount;
    String currency;
    String invoiceReference;
    String reason;
    String resolutionCode;
    String rootCause;
    List<String> confirmedTypes = List.of();
    String customerId;
  }

  private static CaseCommand build(
      String type, String actor, Set<String> roles, Consumer<Draft> fill) {
    Draft d = new Draft();
    fill.accept(d);
    return new CaseCommand(
        UUID.randomUUID().toString(),
        type,
        actor,
        roles,
        RECEIVED.plus(Duration.ofHours(1)),
        d.assignee,
        d.text,
        d.actionId,
        d.actionType,
        d.amount,
        d.currency,
        d.invoiceReference,
        d.reason,
        d.resolutionCode,
        d.rootCause,
        d.confirmedTypes,
        d.customerId);
  }

  static CaseCommand command(String type, String actor, String... roles) {
    return build(type, actor, Set.of(roles), d -> {});
  }

  static CaseCommand text(String type, String actor, String text) {
    return build(type, actor, Set.of("agent"), d -> d.text = text);
  }

  static CaseCommand propose(String actor, String actionType, String amount, String currency) {
    return proposeOn(actor, actionType, amount, currency, null);
  }

  /** A proposal that adjusts a ledger document (none when {@code document} is null). */
  static CaseCommand proposeOn(
      String actor, String actionType, String amount, String currency, String document) {
    return build(
        "PROPOSE_ACTION",
        actor,
        Set.of("agent"),
        d -> {
          d.actionType = actionType;
          d.amount = new BigDecimal(amount);
          d.currency = currency;
          d.invoiceReference = document;
          d.reason = "shipment delayed two weeks";
        });
  }

  static CaseCommand decide(
      String type, String actor, String actionId, String reason, String... roles) {
    return build(
        type,
        actor,
        Set.of(roles),
        d -> {
          d.actionId = actionId;
          d.reason = reason;
        });
  }

  static CaseCommand resolve(String actor) {
    return build(
        "RESOLVE",
        actor,
        Set.of("agent"),
        d -> {
          d.resolutionCode = "ADJUSTED";
          d.rootCause = "carrier delay";
          d.confirmedTypes = List.of("logistics-billing", "billing-discrepancy");
        });
  }

  /** The case of an inquiry from an unknown sender: not linked, KYC unknown. */
  static InquiryCase routedUnknownSenderCase() {
    InquiryCase c = routedSeedCase();
    c.inquiryId = "unknown-1";
    InquiryCase.Context seed = c.context;
    c.context =
        new InquiryCase.Context(
            seed.receivedAt(),
            "API",
            null,
            null,
            null,
            "UNKNOWN",
            "NOT_APPLICABLE",
            new BigDecimal("180000"),
            "EUR",
            List.of(),
            "NOT_APPLICABLE");
    c.excludedPeople = List.of();
    return c;
  }

  static CaseCommand assign(String actor, String assignee) {
    return build("ASSIGN", actor, Set.of("supervisor"), d -> d.assignee = assignee);
  }

  static CaseCommand link(String actor, String customerId) {
    return build("LINK_CUSTOMER", actor, Set.of("agent"), d -> d.customerId = customerId);
  }
}
