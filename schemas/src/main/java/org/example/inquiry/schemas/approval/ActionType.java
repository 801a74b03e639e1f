package org.example.inquiry.schemas.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * The financial actions an agent may propose on a case. The one list of them: the router's approval
 * ladders are validated against it, resolution checks proposals with it, the simulator and the API
 * client propose from it. On the wire (Avro {@code actionType}, HTTP {@code type}) each is its
 * name.
 */
public enum ActionType {
  CREDIT_NOTE,
  REBILL,
  REFUND,
  WRITE_OFF,
  REVISED_DELIVERY,
  PAYMENT_PLAN,
  CREDIT_LIMIT_CHANGE;

  /**
   * The names as a regular expression of alternatives, for bean validation on a String field
   * ({@code @Pattern(regexp = ActionType.PATTERN)}); {@code ActionTypeTest} holds it to the enum.
   */
  public static final String PATTERN =
      "CREDIT_NOTE|REBILL|REFUND|WRITE_OFF|REVISED_DELIVERY|PAYMENT_PLAN|CREDIT_LIMIT_CHANGE";

  /** The message of a value outside the list. */
  public static final String MESSAGE =
      "must be one of CREDIT_NOTE, REBILL, REFUND, WRITE_OFF, REVISED_DELIVERY, PAYMENT_PLAN,"
          + " CREDIT_LIMIT_CHANGE";

  /** The action type of this name, or empty for a name this version does not know. */
  public static Optional<ActionType> named(String name) {
    return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
  }
}
