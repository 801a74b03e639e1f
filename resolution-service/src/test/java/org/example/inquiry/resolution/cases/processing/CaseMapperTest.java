package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.resolution.cases.CaseCommand;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Money;
import org.example.inquiry.resolution.cases.Reference;
import org.example.inquiry.schemas.ApprovalRequirement;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.approval.ActionType;
import org.example.inquiry.schemas.approval.ApprovalLevel;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseMapperTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  @Test
  void aRoutedInquiryKeepsItsValueTypes() {
    InquiryRouted routed = Events.aRoutedInquiry("m-1", T0);
    routed.setApprovalRequirements(
        List.of(
            new ApprovalRequirement(
                "REBILL",
                new org.example.inquiry.schemas.Money(new BigDecimal("10000.0000"), "USD"),
                "DUAL",
                "approver"),
            new ApprovalRequirement("REFUND", null, "TRIPLE", "approver"),
            new ApprovalRequirement("BARTER", null, "SINGLE", "approver")));
    routed.setExcludedPeople(List.of(" AM.JSmith "));

    InquiryCase c = CaseMapper.fromRouted(routed);

    assertThat(c.context().channel()).isEqualTo(Channel.PORTAL);
    assertThat(c.context().kycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(c.context().amount()).isEqualTo(new Money(new BigDecimal("22000.0000"), "USD"));
    assertThat(c.context().references())
        .containsExactly(new Reference(ReferenceKind.LETTER_OF_CREDIT, "LC-77"));
    assertThat(c.approvalLadder())
        .containsExactly(
            new InquiryCase.ApprovalTier(
                ActionType.REBILL, new BigDecimal("10000.0000"), ApprovalLevel.DUAL, "approver"),
            new InquiryCase.ApprovalTier(
                ActionType.REFUND, BigDecimal.ZERO, ApprovalLevel.ELEVATED, "approver"));
    assertThat(c.excludedPeople()).containsExactly("am.jsmith");
    assertThat(c.fxToBase()).containsKeys("EUR", "USD");
    assertThat(c.status()).isNull();
  }

  @ParameterizedTest
  @EnumSource(CaseCommand.Type.class)
  void everyCommandTypeOnTheWireMapsToItsCommand(CaseCommand.Type type) {
    CaseCommand command = CaseMapper.fromCommand(wire(type.name()).build());

    assertThat(command).isNotInstanceOf(CaseCommand.Unknown.class);
    assertThat(command.type()).isEqualTo(type.name());
    assertThat(command.actor()).isEqualTo("ben");
  }

  @Test
  void anUnknownCommandTypeOrActionTypeIsKeptForTheRefusal() {
    assertThat(CaseMapper.fromCommand(wire("TELEPORT").build()))
        .isInstanceOfSatisfying(
            CaseCommand.Unknown.class, u -> assertThat(u.type()).isEqualTo("TELEPORT"));
    assertThat(CaseMapper.fromCommand(wire("PROPOSE_ACTION").setActionType("BRIBE").build()))
        .isInstanceOfSatisfying(
            CaseCommand.ProposeAction.class, p -> assertThat(p.actionType()).isNull());
  }

  @Test
  void aProposalKeepsItsMoney() {
    CaseCommand command =
        CaseMapper.fromCommand(
            wire("PROPOSE_ACTION")
                .setActionType("REFUND")
                .setAmount(new org.example.inquiry.schemas.Money(new BigDecimal("12.5000"), "EUR"))
                .build());

    assertThat(command)
        .isInstanceOfSatisfying(
            CaseCommand.ProposeAction.class,
            p -> {
              assertThat(p.actionType()).isEqualTo(ActionType.REFUND);
              assertThat(p.amount()).isEqualTo(new Money(new BigDecimal("12.5000"), "EUR"));
            });
  }

  static InquiryCommand.Builder wire(String type) {
    return InquiryCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setInquiryId("m-1")
        .setIssuedAt(T0)
        .setActor("ben")
        .setRoles(List.of("agent"))
        .setType(type);
  }
}
