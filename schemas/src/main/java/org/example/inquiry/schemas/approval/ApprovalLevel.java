package org.example.inquiry.schemas.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a financial action is approved, by the tier of the routed approval ladder it falls in: not at
 * all, by one approver, by two different approvers, or by one holder of a higher role.
 */
public enum ApprovalLevel {
  NONE(0),
  SINGLE(1),
  DUAL(2),
  ELEVATED(1);

  private final int approvals;

  ApprovalLevel(int approvals) {
    this.approvals = approvals;
  }

  /** How many distinct approvals an action at this level needs. */
  public int approvals() {
    return approvals;
  }

  /** The level of this name, or empty for a name this version does not know. */
  public static Optional<ApprovalLevel> named(String name) {
    return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
  }
}
