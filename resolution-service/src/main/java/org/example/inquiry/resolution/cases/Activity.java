package org.example.inquiry.resolution.cases;

/**
 * What happened on a case: the event of a timeline entry and the activity of an {@code
 * InquiryWorked} event (the wire carries the name).
 */
public enum Activity {
  RECEIVED,
  ROUTED,
  CLAIMED,
  ASSIGNED,
  FIRST_RESPONDED,
  RESPONDED,
  INFO_REQUESTED,
  NOTE_ADDED,
  CUSTOMER_FOLLOWED_UP,
  CUSTOMER_LINKED,
  ACTION_PROPOSED,
  APPROVED,
  REJECTED,
  RESOLVED,
  REOPENED,
  ATTEMPT_REFUSED,
  AUTO_ANSWER_WITHHELD,
  SLA_WARNING,
  SLA_BREACHED,
  /** A finance system posted an approved effect. */
  EFFECT_POSTED,
  /** A finance system rejected an approved effect: an alert to the lead team's supervisor. */
  EFFECT_POSTING_REJECTED,
  /** No finance system acknowledged an approved effect in time: an alert, raised once. */
  EFFECT_POSTING_OVERDUE,
  /** An acknowledgement named an effect the case does not have as approved. */
  ACKNOWLEDGEMENT_UNMATCHED,
  /** Every invoice the inquiry is about was cleared in the ledger after it came in. */
  LEDGER_CLEARED,
  /** An agent put the case in a supervisor's queue, with why. */
  ESCALATED,
  /** An agent corrected the inquiry's types (a labelled correction for the classifier). */
  RECLASSIFIED,
  /** The resolution clock stopped: the case waits for the customer. */
  SLA_PAUSED,
  /** Someone asked for the case to be routed to other teams; the router answers with ROUTED. */
  REROUTE_REQUESTED,
  /** The resolution clock runs again, the due time moved by the pause. */
  SLA_RESUMED,
  /** An answer to the customer was handed to its channel (e.g. accepted by the SMTP server). */
  MESSAGE_SENT,
  /** An answer to the customer could not be delivered after the sender's retries: an alert. */
  MESSAGE_DELIVERY_FAILED
}
