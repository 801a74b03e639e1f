package org.example.inquiry.resolution.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.web.CaseView;
import org.example.inquiry.schemas.approval.ActionType;

/**
 * The case page: the case as the API shows it, with what the page needs beside it (its subject, SLA
 * countdowns, the priority's parts largest first, and which controls the signed-in user gets). The
 * controls only spare the user buttons that cannot work for their role; the API decides every
 * command, segregation of duties included. Pure.
 */
public record CaseScreen(
    CaseView c,
    String subject,
    Countdown response,
    Countdown resolution,
    List<InquiryCase.PriorityPart> priorityParts,
    String currency,
    boolean canClaim,
    boolean canWrite,
    boolean canNote,
    boolean canPropose,
    boolean canDecide,
    boolean canResolve,
    boolean canEscalate) {

  /** The financial action types an agent may propose. */
  static final List<String> ACTION_TYPES =
      Arrays.stream(ActionType.values()).map(Enum::name).toList();

  static CaseScreen of(CaseView c, String user, Set<String> roles, Instant now) {
    boolean agent = roles.contains("agent");
    boolean supervisor = roles.contains("supervisor");
    boolean approver = roles.contains("approver");
    boolean open = c.open();
    String subject =
        c.conversation().stream()
            .filter(m -> m.subject() != null && !m.subject().isBlank())
            .map(InquiryCase.Message::subject)
            .findFirst()
            .orElse("Inquiry " + c.inquiryId());
    boolean assignedToUser =
        user.equals(c.assignee()) || c.teams().stream().anyMatch(t -> user.equals(t.assignee()));
    return new CaseScreen(
        c,
        subject,
        Countdown.of(c.responseDueAt(), now, c.firstResponseAt()),
        c.slaPausedAt() == null
            ? Countdown.of(c.resolutionDueAt(), now, c.resolvedAt())
            : Countdown.paused(c.resolutionDueAt(), c.slaPausedAt(), now),
        c.priorityComponents().stream()
            .sorted(Comparator.comparingDouble(InquiryCase.PriorityPart::points).reversed())
            .toList(),
        c.context() != null && c.context().currency() != null ? c.context().currency() : "USD",
        open && (agent || supervisor) && !assignedToUser,
        open && agent,
        open && (agent || approver || supervisor),
        open && agent,
        approver || supervisor,
        open && agent,
        open && (agent || supervisor));
  }

  /** The case's teams in order, the lead first, comma-separated. */
  public String teamNames() {
    return String.join(",", c.teams().stream().map(InquiryCase.Team::team).toList());
  }

  /** Actions waiting for a decision. */
  public List<CaseView.ActionView> pending() {
    return c.actions().stream().filter(CaseScreen::pending).toList();
  }

  /** The action waits for a decision. */
  public boolean isPending(CaseView.ActionView a) {
    return pending(a);
  }

  static boolean pending(CaseView.ActionView a) {
    return !"APPROVED".equals(a.state()) && !"REJECTED".equals(a.state());
  }

  /**
   * Where the console serves an attached file, when its content is stored; null when its channel
   * delivered only its description.
   */
  public String download(String sha256) {
    return c.attachments().stream()
        .filter(f -> f.download() != null && f.sha256().equals(sha256))
        .findFirst()
        .map(f -> "/console/cases/" + c.inquiryId() + "/attachments/" + sha256)
        .orElse(null);
  }

  /** The timeline, newest first. */
  public List<InquiryCase.TimelineEntry> timeline() {
    List<InquiryCase.TimelineEntry> newestFirst = new ArrayList<>(c.timeline());
    Collections.reverse(newestFirst);
    return newestFirst;
  }
}
