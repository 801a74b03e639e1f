package org.example.inquiry.resolution.cases;

/**
 * Why the case refused a command. Only the web layer turns a refusal into an HTTP status; the
 * refusal is on the case's timeline (and {@code inquiries-worked}) whatever the caller does with
 * it.
 */
public sealed interface Refusal {

  String reason();

  /** The command names something the case does not have (the inquiry, an action, a customer). */
  record NotFound(String reason) implements Refusal {}

  /** The command does not fit the case's state (resolved, already approved, KYC not verified). */
  record Conflict(String reason) implements Refusal {}

  /** The actor may not do this here (segregation of duties, maker-checker, approver's role). */
  record Forbidden(String reason) implements Refusal {}

  /**
   * The command itself is incomplete or malformed (no text, unknown type, unsupported currency).
   */
  record Invalid(String reason) implements Refusal {}
}
