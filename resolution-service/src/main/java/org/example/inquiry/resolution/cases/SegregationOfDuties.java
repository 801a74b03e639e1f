package org.example.inquiry.resolution.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.example.inquiry.schemas.identity.PersonIds;

/**
 * Who may not do what on a case. Every comparison of people goes through {@link PersonIds}, so one
 * person is one person whatever the spelling of the name: the people excluded from the inquiry (its
 * customer's account manager, configured conflicts) neither act nor are assigned, the maker of a
 * financial action never decides it, and one approver counts once.
 */
final class SegregationOfDuties {

  private SegregationOfDuties() {}

  /** Refuses anything by a person excluded from the inquiry. */
  static Optional<Refusal> mayAct(InquiryCase c, String actor) {
    return PersonIds.isAmong(actor, c.excludedPeople())
        ? Optional.of(
            new Refusal.Forbidden(actor + " is excluded from this inquiry (segregation of duties)"))
        : Optional.empty();
  }

  /** Refuses an assignment to a person excluded from the inquiry. */
  static Optional<Refusal> mayBeAssigned(InquiryCase c, String assignee) {
    return mayAct(c, assignee);
  }

  /** Refuses the maker's own decision and a second approval by the same approver. */
  static Optional<Refusal> mayDecide(InquiryCase.FinancialAction action, String actor) {
    if (PersonIds.same(action.maker(), actor)) {
      return Optional.of(
          new Refusal.Forbidden(
              actor + " proposed this action and may not approve or reject it (maker-checker)"));
    }
    if (PersonIds.isAmong(actor, action.approvedBy())) {
      return Optional.of(
          new Refusal.Conflict(
              actor
                  + " already approved this action; a second approval must come from someone"
                  + " else"));
    }
    return Optional.empty();
  }

  /** The role the actor decides in: the tier's role, or supervisor for any tier; else empty. */
  static Optional<String> approverRole(InquiryCase.FinancialAction action, Set<String> roles) {
    if (action.approverRole() != null && roles.contains(action.approverRole())) {
      return Optional.of(action.approverRole());
    }
    return roles.contains("supervisor") ? Optional.of("supervisor") : Optional.empty();
  }

  /** The people excluded once the customer's account manager is (canonical form). */
  static List<String> excludingAccountManager(List<String> excluded, String accountManager) {
    if (accountManager == null || PersonIds.isAmong(accountManager, excluded)) {
      return excluded;
    }
    List<String> more = new ArrayList<>(excluded);
    more.add(PersonIds.canonicalOrFolded(accountManager));
    return more;
  }
}
