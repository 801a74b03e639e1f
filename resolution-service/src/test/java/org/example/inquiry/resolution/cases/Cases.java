package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.Urgency;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;

/** Object mother: the seed case as resolution receives it, and commands on it. */
final class Cases {

  static final Instant RECEIVED = Instant.parse("2026-11-25T09:00:00Z");

  private Cases() {}

  /** What the router decided; each fixture changes what it needs. */
  static final class Routing {
    String inquiryId = "seed-1";
    CaseContext context =
        new CaseContext(
            RECEIVED,
            Channel.PORTAL,
            "C-1001",
            "ENTERPRISE",
            "NA",
            KycStatus.VERIFIED,
            CheckOutcome.PASSED,
            new Money(new BigDecimal("22000"), "USD"),
            List.of(new Reference(ReferenceKind.LETTER_OF_CREDIT, "LC-77")),
            CheckOutcome.PASSED);
    List<String> types = List.of("logistics-billing", "letter-of-credit");
    boolean triage;
    List<InquiryCase.Team> teams =
        List.of(
            new InquiryCase.Team("operations", true, "omar", "sup.operations"),
            new InquiryCase.Team("billing", false, "ben", "sup.billing"));
    List<InquiryCase.ApprovalTier> ladder =
        List.of(
            tier(ActionType.REBILL, "0", ApprovalLevel.SINGLE, "approver"),
            tier(ActionType.REBILL, "10000", ApprovalLevel.DUAL, "approver"),
            tier(ActionType.REBILL, "100000", ApprovalLevel.ELEVATED, "supervisor"),
            tier(ActionType.REFUND, "0", ApprovalLevel.SINGLE, "approver"),
            tier(ActionType.REVISED_DELIVERY, "0", ApprovalLevel.NONE, ""));
    List<String> excludedPeople = List.of("am.jsmith");

    InquiryCase build() {
      return InquiryCase.routed(
          inquiryId,
          context,
          types,
          Urgency.HIGH,
          teams,
          triage,
          "types -> [operations, billing]",
          71,
          RECEIVED.plus(Duration.ofHours(4)),
          RECEIVED.plus(Duration.ofHours(20)),
          "americas",
          ladder,
          excludedPeople,
          Map.of());
    }
  }

  static InquiryCase.ApprovalTier tier(
      ActionType type, String above, ApprovalLevel level, String role) {
    return new InquiryCase.ApprovalTier(type, new BigDecimal(above), level, role);
  }

  static InquiryCase routedSeedCase() {
    return routed(r -> {});
  }

  static InquiryCase routed(Consumer<Routing> change) {
    Routing routing = new Routing();
    change.accept(routing);
    return routing.build();
  }

  /** The case of an inquiry from an unknown sender: not linked, KYC unknown. */
  static InquiryCase routedUnknownSenderCase() {
    return routed(
        r -> {
          r.inquiryId = "unknown-1";
          r.context =
              new CaseContext(
                  RECEIVED,
                  Channel.API,
                  null,
                  null,
                  null,
                  KycStatus.UNKNOWN,
                  CheckOutcome.NOT_APPLICABLE,
                  new Money(new BigDecimal("180000"), "EUR"),
                  List.of(),
                  CheckOutcome.NOT_APPLICABLE);
          r.excludedPeople = List.of();
        });
  }

  static CaseCommand.Issued issued(String actor, Set<String> roles) {
    return new CaseCommand.Issued(
        UUID.randomUUID().toString(), actor, roles, RECEIVED.plus(Duration.ofHours(1)));
  }

  static CaseCommand.Claim claim(String actor, String... roles) {
    return new CaseCommand.Claim(issued(actor, Set.of(roles)));
  }

  static CaseCommand text(String type, String actor, String text) {
    CaseCommand.Issued issued = issued(actor, Set.of("agent"));
    return switch (type) {
      case "REPLY" -> new CaseCommand.Reply(issued, text);
      case "REQUEST_INFO" -> new CaseCommand.RequestInfo(issued, text);
      case "NOTE" -> new CaseCommand.Note(issued, text);
      default -> throw new IllegalArgumentException(type);
    };
  }

  static CaseCommand propose(String actor, String actionType, String amount, String currency) {
    return proposeOn(actor, actionType, amount, currency, null);
  }

  /** A proposal that adjusts a ledger document (none when {@code document} is null). */
  static CaseCommand proposeOn(
      String actor, String actionType, String amount, String currency, String document) {
    return new CaseCommand.ProposeAction(
        issued(actor, Set.of("agent")),
        null,
        ActionType.named(actionType).orElse(null),
        new Money(new BigDecimal(amount), currency),
        document,
        "shipment delayed two weeks");
  }

  static CaseCommand decide(
      String type, String actor, String actionId, String reason, String... roles) {
    CaseCommand.Issued issued = issued(actor, Set.of(roles));
    return switch (type) {
      case "APPROVE" -> new CaseCommand.Decide(issued, true, actionId, reason);
      case "REJECT" -> new CaseCommand.Decide(issued, false, actionId, reason);
      case "REOPEN" -> new CaseCommand.Reopen(issued, reason);
      default -> throw new IllegalArgumentException(type);
    };
  }

  static CaseCommand resolve(String actor) {
    return new CaseCommand.Resolve(
        issued(actor, Set.of("agent")),
        "ADJUSTED",
        "carrier delay",
        List.of("logistics-billing", "billing-discrepancy"));
  }

  static CaseCommand assign(String actor, String assignee) {
    return new CaseCommand.Assign(issued(actor, Set.of("supervisor")), assignee);
  }

  static CaseCommand link(String actor, String customerId) {
    return new CaseCommand.LinkCustomer(issued(actor, Set.of("agent")), customerId);
  }
}
