package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
            List.of("LETTER_OF_CREDIT:LC-77"));
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

  static CaseCommand command(String type, String actor, String... roles) {
    return new CaseCommand(
        UUID.randomUUID().toString(),
        type,
        actor,
        Set.of(roles),
        RECEIVED.plus(Duration.ofHours(1)),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null);
  }

  static CaseCommand text(String type, String actor, String text) {
    CaseCommand c = command(type, actor, "agent");
    return new CaseCommand(
        c.commandId(),
        type,
        actor,
        c.roles(),
        c.at(),
        null,
        text,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null);
  }

  static CaseCommand propose(String actor, String actionType, String amount, String currency) {
    CaseCommand c = command("PROPOSE_ACTION", actor, "agent");
    return new CaseCommand(
        c.commandId(),
        c.type(),
        actor,
        c.roles(),
        c.at(),
        null,
        null,
        null,
        actionType,
        new BigDecimal(amount),
        currency,
        "INV-2026-000123",
        "shipment delayed two weeks",
        null,
        null,
        List.of(),
        null);
  }

  static CaseCommand decide(
      String type, String actor, String actionId, String reason, String... roles) {
    CaseCommand c = command(type, actor, roles);
    return new CaseCommand(
        c.commandId(),
        type,
        actor,
        c.roles(),
        c.at(),
        null,
        null,
        actionId,
        null,
        null,
        null,
        null,
        reason,
        null,
        null,
        List.of(),
        null);
  }

  static CaseCommand resolve(String actor) {
    CaseCommand c = command("RESOLVE", actor, "agent");
    return new CaseCommand(
        c.commandId(),
        c.type(),
        actor,
        c.roles(),
        c.at(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "ADJUSTED",
        "carrier delay",
        List.of("logistics-billing", "billing-discrepancy"),
        null);
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
            List.of());
    c.excludedPeople = List.of();
    return c;
  }

  static CaseCommand link(String actor, String customerId) {
    CaseCommand c = command("LINK_CUSTOMER", actor, "agent");
    return new CaseCommand(
        c.commandId(),
        c.type(),
        actor,
        c.roles(),
        c.at(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        customerId);
  }
}
