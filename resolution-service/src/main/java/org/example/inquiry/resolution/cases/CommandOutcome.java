package org.example.inquiry.resolution.cases;

/**
 * What became of a command: accepted (with the action it proposed or decided, if any) or refused.
 *
 * @param refusal why it was refused; null when it was accepted
 */
public record CommandOutcome(String commandId, Refusal refusal, String actionId) {

  static CommandOutcome accepted(String commandId, String actionId) {
    return new CommandOutcome(commandId, null, actionId);
  }

  public boolean accepted() {
    return refusal == null;
  }
}
