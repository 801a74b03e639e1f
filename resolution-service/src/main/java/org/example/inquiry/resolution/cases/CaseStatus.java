package org.example.inquiry.resolution.cases;

/** Where a case stands; only {@link #RESOLVED} is closed. */
public enum CaseStatus {
  OPEN,
  IN_PROGRESS,
  WAITING_FOR_CUSTOMER,
  PENDING_APPROVAL,
  RESOLVED;

  public boolean isOpen() {
    return this != RESOLVED;
  }
}
