package org.example.inquiry.resolution.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.example.inquiry.schemas.approval.ActionType;

/**
 * A request to change a case, as the single writer of the inquiry receives it: who asked, in which
 * roles, when, and what.
 */
public sealed interface CaseCommand {

  /** Who issued a command, in which roles, when. */
  record Issued(String commandId, String actor, Set<String> roles, Instant at) {
    public Issued {
      roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
  }

  Issued issued();

  /** The command's name on the wire and on the timeline. */
  String type();

  default String commandId() {
    return issued().commandId();
  }

  default String actor() {
    return issued().actor();
  }

  default Instant at() {
    return issued().at();
  }

  /** The names on the wire ({@code InquiryCommand.type}). */
  enum Type {
    CLAIM,
    ASSIGN,
    REPLY,
    REQUEST_INFO,
    NOTE,
    PROPOSE_ACTION,
    APPROVE,
    REJECT,
    RESOLVE,
    REOPEN,
    LINK_CUSTOMER,
    ESCALATE,
    RECLASSIFY,
    REROUTE
  }

  /**
   * The actor takes the case, or their team's part of it.
   *
   * @param team the case's team the actor works it for; null: the case as a whole
   */
  record Claim(Issued issued, String team) implements CaseCommand {
    public Claim(Issued issued) {
      this(issued, null);
    }

    public String type() {
      return Type.CLAIM.name();
    }
  }

  /**
   * A supervisor gives the case, or one team's part of it, to someone.
   *
   * @param team the case's team the assignee works it for; null: the case as a whole
   */
  record Assign(Issued issued, String assignee, String team) implements CaseCommand {
    public Assign(Issued issued, String assignee) {
      this(issued, assignee, null);
    }

    public String type() {
      return Type.ASSIGN.name();
    }
  }

  /** A reply to the customer; the first is the first response. */
  record Reply(Issued issued, String text) implements CaseCommand {
    public String type() {
      return Type.REPLY.name();
    }
  }

  record RequestInfo(Issued issued, String text) implements CaseCommand {
    public String type() {
      return Type.REQUEST_INFO.name();
    }
  }

  record Note(Issued issued, String text) implements CaseCommand {
    public String type() {
      return Type.NOTE.name();
    }
  }

  /**
   * A financial action to approve.
   *
   * @param actionId the id to give it; null derives one from the command id
   * @param actionType null when the wire named a type this version does not know (or, for a
   *     reversal, to take the reversed action's)
   * @param amount for a credit-limit change the new limit; null for a reversal takes the reversed
   *     action's
   * @param reverses the id of the approved action of the case this one reverses, or null
   */
  record ProposeAction(
      Issued issued,
      String actionId,
      ActionType actionType,
      Money amount,
      String invoiceReference,
      String reason,
      String reverses)
      implements CaseCommand {

    /** A proposal that reverses nothing. */
    public ProposeAction(
        Issued issued,
        String actionId,
        ActionType actionType,
        Money amount,
        String invoiceReference,
        String reason) {
      this(issued, actionId, actionType, amount, invoiceReference, reason, null);
    }

    public String type() {
      return Type.PROPOSE_ACTION.name();
    }
  }

  /** An approval ({@code approve}) or rejection of a proposed action. */
  record Decide(Issued issued, boolean approve, String actionId, String reason)
      implements CaseCommand {
    public String type() {
      return (approve ? Type.APPROVE : Type.REJECT).name();
    }
  }

  record Resolve(
      Issued issued, String resolutionCode, String rootCause, List<String> confirmedTypes)
      implements CaseCommand {
    public Resolve {
      confirmedTypes = confirmedTypes == null ? List.of() : List.copyOf(confirmedTypes);
    }

    public String type() {
      return Type.RESOLVE.name();
    }
  }

  record Reopen(Issued issued, String reason) implements CaseCommand {
    public String type() {
      return Type.REOPEN.name();
    }
  }

  /** Links an inquiry from an unknown sender to a customer of the customer master. */
  record LinkCustomer(Issued issued, String customerId) implements CaseCommand {
    public String type() {
      return Type.LINK_CUSTOMER.name();
    }
  }

  /**
   * Puts the case in a supervisor's queue, with why.
   *
   * @param team whose supervisor; null: the lead team's
   */
  record Escalate(Issued issued, String reason, String team) implements CaseCommand {
    public String type() {
      return Type.ESCALATE.name();
    }
  }

  /**
   * An agent corrects the classifier: the inquiry's types, main type first, and why. Resolving
   * confirms them, so the correction reaches the classifier's labelled history.
   */
  record Reclassify(Issued issued, List<String> types, String reason) implements CaseCommand {
    public Reclassify {
      types = types == null ? List.of() : List.copyOf(types);
    }

    public String type() {
      return Type.RECLASSIFY.name();
    }
  }

  /**
   * Route the inquiry to other teams: the router works the routing out again for them and the case
   * takes it when it comes.
   *
   * @param teams the teams, the lead team first
   */
  record Reroute(Issued issued, List<String> teams, String reason) implements CaseCommand {
    public Reroute {
      teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public String type() {
      return Type.REROUTE.name();
    }
  }

  /** A command type this version does not know: refused, on the timeline. */
  record Unknown(Issued issued, String type) implements CaseCommand {}
}
