package org.example.inquiry.platform.security;

import java.util.List;

/** The platform's roles, carried in the bearer token's {@code roles} claim. */
public final class Roles {

  /** Channel adapters and the portal: submit inquiries. */
  public static final String CHANNEL = "channel";

  /** Agents: work inquiries, propose financial actions, resolve. */
  public static final String AGENT = "agent";

  /** Approvers: approve or reject proposed financial actions. */
  public static final String APPROVER = "approver";

  /** Supervisors: assign, escalate, see every queue. */
  public static final String SUPERVISOR = "supervisor";

  /** Auditors: read everything, change nothing. */
  public static final String AUDITOR = "auditor";

  /**
   * Downstream finance systems (a machine identity, never a person): post approved effects back to
   * the platform (the ledger feed, the credit limit an approved change set). Docs/FINANCE.md.
   */
  public static final String FINANCE_SYSTEM = "finance-system";

  public static final List<String> ALL =
      List.of(CHANNEL, AGENT, APPROVER, SUPERVISOR, AUDITOR, FINANCE_SYSTEM);

  private Roles() {}
}
