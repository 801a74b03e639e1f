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
  SLA_BREACHED
}
