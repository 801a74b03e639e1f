package org.example.inquiry.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.example.inquiry.resolution.cases.FinancialEffect.Direction;
import org.example.inquiry.resolution.cases.FinancialEffect.PostingLine;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Approved actions become posting-ready effects, once; finance's answers come back to the case. */
class FinancialEffectsTest {

  static final PostingPolicy POLICY =
      new PostingPolicy(
          Map.of("NA", "2000"),
          "1000",
          "USD",
          new BigDecimal("0.20"),
          "VAT20",
          new PostingPolicy.Accounts("120000", "400000", "220000", "690000", "100000"),
          Duration.ofHours(4));

  final CaseWorkflow workflow =
      new CaseWorkflow(Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08")), 0.75, POLICY);

  static final CustomerFacts ACME =
      new CustomerFacts(
          "C-1001",
          "Acme Industrial Supplies Ltd",
          "ENTERPRISE",
          "NA",
          KycStatus.VERIFIED,
          LocalDate.parse("2027-11-25"),
          "am.jsmith",
          new Money(new BigDecimal("120000.0000"), "EUR"));

  final Function<String, CustomerFacts> master = id -> "C-1001".equals(id) ? ACME : null;

  InquiryCase opened() {
    return workflow.routed(null, Cases.routedSeedCase(), Cases.RECEIVED.plusSeconds(2)).next();
  }

  Step handle(InquiryCase c, CaseCommand command) {
    return workflow.handle(c, command, master);
  }

  static List<FinancialEffect> effects(Step step) {
    return step.events().stream()
        .filter(CaseEvent.EffectApproved.class::isInstance)
        .map(e -> ((CaseEvent.EffectApproved) e).effect())
        .toList();
  }

  /** The seed REBILL of USD 22,000 (DUAL), approved by kim and lee. */
  Step approvedRebill() {
    Step proposed = handle(opened(), Cases.propose("ben", "REBILL", "22000.00", "USD"));
    String id = proposed.outcome().actionId();
    Step first = handle(proposed.next(), Cases.decide("APPROVE", "kim", id, null, "approver"));
    assertThat(effects(first)).isEmpty();
    return handle(first.next(), Cases.decide("APPROVE", "lee", id, null, "approver"));
  }

  @Test
  void theFinalApprovalPublishesOneBalancedPostingReadyEffect() {
    Step approved = approvedRebill();

    assertThat(effects(approved)).hasSize(1);
    FinancialEffect e = effects(approved).get(0);
    InquiryCase.FinancialAction action = approved.next().actions().get(0);
    assertThat(e.effectId()).isEqualTo(action.actionId());
    assertThat(e.kind()).isEqualTo(ActionType.REBILL);
    assertThat(e.customerId()).isEqualTo("C-1001");
    assertThat(e.legalEntity()).isEqualTo("2000");
    assertThat(e.gross()).isEqualTo(new Money(new BigDecimal("22000.00"), "USD"));
    assertThat(e.net()).isEqualTo(new Money(new BigDecimal("18333.33"), "USD"));
    assertThat(e.tax()).isEqualTo(new Money(new BigDecimal("3666.67"), "USD"));
    assertThat(e.taxCode()).isEqualTo("VAT20");
    assertThat(e.receivableDirection()).isEqualTo(Direction.DEBIT);
    assertThat(e.postings())
        .containsExactly(
            new PostingLine("120000", Direction.DEBIT, e.gross(), "RECEIVABLE"),
            new PostingLine("400000", Direction.CREDIT, e.net(), "REVENUE"),
            new PostingLine("220000", Direction.CREDIT, e.tax(), "TAX"));
    assertThat(balance(e.postings())).isZero();
    assertThat(e.fxRateToBase()).isEqualByComparingTo("1");
    assertThat(e.grossInBase().amount()).isEqualByComparingTo("22000");
    assertThat(e.approvers()).containsExactly("kim", "lee");
    assertThat(e.maker()).isEqualTo("ben");
    assertThat(e.postingDate()).isEqualTo(LocalDate.parse("2026-11-25"));
    assertThat(e.reverses()).isNull();
    assertThat(e.creditLimit()).isNull();
    assertThat(action.posting().status()).isEqualTo(InquiryCase.PostingStatus.AWAITING_POSTING);
  }

  @Test
  void resolvingAndReopeningNeverPublishTheEffectAgain() {
    InquiryCase approved = approvedRebill().next();

    Step resolved = handle(approved, Cases.resolve("omar"));
    Step reopened =
        handle(resolved.next(), Cases.decide("REOPEN", "omar", null, "customer disputes it"));
    Step again = handle(reopened.next(), Cases.resolve("omar"));

    assertThat(effects(resolved)).isEmpty();
    assertThat(effects(reopened)).isEmpty();
    assertThat(effects(again)).isEmpty();
    assertThat(again.next().status()).isEqualTo(CaseStatus.RESOLVED);
  }

  @Test
  void anActionWithoutApprovalLayersIsAnEffectAtOnceAndAYenAmountKeepsNoDecimals() {
    InquiryCase c =
        workflow
            .routed(
                null,
                Cases.routed(
                    r ->
                        r.ladder =
                            List.of(
                                Cases.tier(
                                    ActionType.WRITE_OFF,
                                    "1000000",
                                    ApprovalLevel.SINGLE,
                                    "approver"))),
                Cases.RECEIVED)
            .next();
    CaseWorkflow yen = new CaseWorkflow(Map.of("JPY", new BigDecimal("0.0067")), 0.75, POLICY);

    Step proposed = yen.handle(c, Cases.propose("ben", "WRITE_OFF", "15000", "JPY"), master);

    FinancialEffect e = effects(proposed).get(0);
    assertThat(e.kind()).isEqualTo(ActionType.WRITE_OFF);
    assertThat(e.gross().amount()).isEqualTo(new BigDecimal("15000"));
    assertThat(e.tax().amount()).isEqualTo(new BigDecimal("0"));
    assertThat(e.taxCode()).isNull();
    assertThat(e.receivableDirection()).isEqualTo(Direction.CREDIT);
    assertThat(e.postings())
        .extracting(PostingLine::account, PostingLine::direction)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("690000", Direction.DEBIT),
            org.assertj.core.groups.Tuple.tuple("120000", Direction.CREDIT));
    assertThat(e.grossInBase().amount()).isEqualByComparingTo("100.5");
  }

  @Nested
  class Reversals {

    @Test
    void aReversalSwapsEveryLineAndNamesTheEffectItReverses() {
      InquiryCase approved = approvedRebill().next();
      String original = approved.actions().get(0).actionId();

      Step proposed = handle(approved, reversal(original));
      String id = proposed.outcome().actionId();
      InquiryCase.FinancialAction reversal = proposed.next().action(id);
      assertThat(reversal.type()).isEqualTo(ActionType.REBILL);
      assertThat(reversal.level()).isEqualTo(ApprovalLevel.DUAL);
      assertThat(reversal.reverses()).isEqualTo(original);
      Step first = handle(proposed.next(), Cases.decide("APPROVE", "kim", id, null, "approver"));
      Step second = handle(first.next(), Cases.decide("APPROVE", "lee", id, null, "approver"));

      FinancialEffect e = effects(second).get(0);
      assertThat(e.reverses()).isEqualTo(original);
      assertThat(e.receivableDirection()).isEqualTo(Direction.CREDIT);
      assertThat(e.postings())
          .extracting(PostingLine::direction)
          .containsExactly(Direction.CREDIT, Direction.DEBIT, Direction.DEBIT);
      assertThat(balance(e.postings())).isZero();
    }

    @Test
    void anEffectIsReversedOnceWholeAndOnlyWhenItIsAnApprovedLedgerPosting() {
      InquiryCase approved = approvedRebill().next();
      String original = approved.actions().get(0).actionId();
      InquiryCase pending = handle(approved, reversal(original)).next();

      assertThat(refusal(handle(pending, reversal(original))))
          .isInstanceOf(Refusal.Conflict.class)
          .extracting(Refusal::reason)
          .asString()
          .contains("already reversed");
      assertThat(refusal(handle(approved, reversal("no-such-action"))))
          .isInstanceOf(Refusal.NotFound.class);
      Step partial =
          handle(
              approved,
              new CaseCommand.ProposeAction(
                  Cases.issued("ben", Set.of("agent")),
                  null,
                  null,
                  new Money(new BigDecimal("100.00"), "USD"),
                  null,
                  "only part",
                  original));
      assertThat(refusal(partial).reason()).contains("whole amount");
      Step pendingRebill = handle(opened(), Cases.propose("ben", "REBILL", "22000.00", "USD"));
      assertThat(
              refusal(handle(pendingRebill.next(), reversal(pendingRebill.outcome().actionId()))))
          .isInstanceOf(Refusal.Conflict.class);
      Step delivery = handle(opened(), Cases.propose("ben", "REVISED_DELIVERY", "0.00", "USD"));
      assertThat(refusal(handle(delivery.next(), reversal(delivery.outcome().actionId()))))
          .isInstanceOf(Refusal.Invalid.class);
    }

    CaseCommand reversal(String actionId) {
      return new CaseCommand.ProposeAction(
          Cases.issued("ben", Set.of("agent")),
          null,
          null,
          null,
          null,
          "rebilled the wrong customer",
          actionId);
    }
  }

  @Nested
  class CreditLimits {

    InquiryCase withLimitLadder() {
      return workflow
          .routed(
              null,
              Cases.routed(
                  r ->
                      r.ladder =
                          List.of(
                              Cases.tier(
                                  ActionType.CREDIT_LIMIT_CHANGE,
                                  "0",
                                  ApprovalLevel.SINGLE,
                                  "approver"),
                              Cases.tier(
                                  ActionType.CREDIT_LIMIT_CHANGE,
                                  "50000",
                                  ApprovalLevel.DUAL,
                                  "approver"))),
              Cases.RECEIVED)
          .next();
    }

    @Test
    void theAmountIsTheNewLimitAndTheTierFollowsTheIncrease() {
      Step to200k =
          handle(
              withLimitLadder(), Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "200000.00", "EUR"));
      Step to130k =
          handle(
              withLimitLadder(), Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "130000.00", "EUR"));
      Step to100k =
          handle(
              withLimitLadder(), Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "100000.00", "EUR"));

      // EUR 80,000 more (USD 86,400) is DUAL; EUR 10,000 more is SINGLE; a decrease needs none
      assertThat(to200k.next().actions().get(0).level()).isEqualTo(ApprovalLevel.DUAL);
      assertThat(to130k.next().actions().get(0).level()).isEqualTo(ApprovalLevel.SINGLE);
      assertThat(to100k.next().actions().get(0).level()).isEqualTo(ApprovalLevel.NONE);
      FinancialEffect lowered = effects(to100k).get(0);
      assertThat(lowered.creditLimit().oldLimit())
          .isEqualTo(new Money(new BigDecimal("120000.0000"), "EUR"));
      assertThat(lowered.creditLimit().newLimit())
          .isEqualTo(new Money(new BigDecimal("100000.00"), "EUR"));
      assertThat(lowered.postings()).isEmpty();
      assertThat(lowered.receivableDirection()).isNull();
    }

    @Test
    void aLimitInAnotherCurrencyThanTheMastersIsRefused() {
      Step usd =
          handle(
              withLimitLadder(), Cases.propose("carl", "CREDIT_LIMIT_CHANGE", "200000.00", "USD"));

      assertThat(refusal(usd)).isInstanceOf(Refusal.Invalid.class);
      assertThat(refusal(usd).reason()).contains("kept in EUR");
    }
  }

  @Nested
  class Acknowledgements {

    FinanceAcknowledgements.Acknowledgement ack(
        String effectId, boolean posted, String document, String reason, Instant at) {
      return new FinanceAcknowledgements.Acknowledgement(
          effectId, posted, document, reason, "reference-ledger", at);
    }

    @Test
    void aPostingIsOnTheActionAndTheTimelineOnceAndARejectionAlertsTheSupervisor() {
      InquiryCase approved = approvedRebill().next();
      String id = approved.actions().get(0).actionId();
      Instant at = Cases.RECEIVED.plus(Duration.ofHours(2));

      Step rejected = workflow.acknowledged(approved, ack(id, false, null, "period closed", at));
      Step posted =
          workflow.acknowledged(
              rejected.next(), ack(id, true, "FI-9000123", null, at.plusSeconds(60)));
      Step again =
          workflow.acknowledged(
              posted.next(), ack(id, true, "FI-9000123", null, at.plusSeconds(90)));

      CaseEvent.Worked alert = (CaseEvent.Worked) rejected.events().get(0);
      assertThat(alert.activity()).isEqualTo(Activity.EFFECT_POSTING_REJECTED);
      assertThat(alert.escalatedTo()).isEqualTo("sup.operations");
      assertThat(alert.detail()).contains("period closed");
      InquiryCase.Posting p = posted.next().action(id).posting();
      assertThat(p.status()).isEqualTo(InquiryCase.PostingStatus.POSTED);
      assertThat(p.documentNumber()).isEqualTo("FI-9000123");
      assertThat(p.system()).isEqualTo("reference-ledger");
      assertThat(again.events()).isEmpty();
      assertThat(again.next()).isSameAs(posted.next());
      assertThat(posted.next().timeline())
          .extracting(InquiryCase.TimelineEntry::event)
          .endsWith(Activity.EFFECT_POSTING_REJECTED, Activity.EFFECT_POSTED);
    }

    @Test
    void anAnswerForNoApprovedEffectIsUnmatchedAndOneForNoCaseIsAnError() {
      Step unmatched =
          workflow.acknowledged(opened(), ack("nope", true, "FI-1", null, Cases.RECEIVED));

      assertThat(unmatched.next().timeline())
          .extracting(InquiryCase.TimelineEntry::event)
          .endsWith(Activity.ACKNOWLEDGEMENT_UNMATCHED);
      assertThatThrownBy(
              () -> workflow.acknowledged(null, ack("nope", true, "FI-1", null, Cases.RECEIVED)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no case");
    }

    @Test
    void anEffectNobodyAcknowledgedInTimeRaisesOneAlertEvenOnAResolvedCase() {
      InquiryCase resolved = handle(approvedRebill().next(), Cases.resolve("omar")).next();
      Instant approvedAt = resolved.actions().get(0).posting().approvedAt();

      Step early = workflow.slaTick(resolved, approvedAt.plus(Duration.ofHours(3)));
      Step late = workflow.slaTick(resolved, approvedAt.plus(Duration.ofHours(4)));
      Step later = workflow.slaTick(late.next(), approvedAt.plus(Duration.ofHours(5)));

      assertThat(early.events()).isEmpty();
      assertThat(late.events())
          .singleElement()
          .extracting(e -> ((CaseEvent.Worked) e).activity())
          .isEqualTo(Activity.EFFECT_POSTING_OVERDUE);
      assertThat(late.next().actions().get(0).posting().overdue()).isTrue();
      assertThat(later.events()).isEmpty();
    }
  }

  static Refusal refusal(Step step) {
    return step.outcome().refusal();
  }

  /** Debits minus credits. */
  static BigDecimal balance(List<PostingLine> lines) {
    return lines.stream()
        .map(
            l ->
                l.direction() == Direction.DEBIT
                    ? l.amount().amount()
                    : l.amount().amount().negate())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }
}
