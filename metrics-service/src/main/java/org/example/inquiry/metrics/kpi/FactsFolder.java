package org.example.inquiry.metrics.kpi;

import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.schemas.ApprovalDecision;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryRated;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.TypeScore;

/**
 * Folds one lifecycle event into an inquiry's facts, by the event's own time, so the order events
 * arrive in does not matter (a late classification, a resolution seen before its first response).
 * Uses the generated event types directly: mapping them first would only repeat them.
 */
public final class FactsFolder {

  private FactsFolder() {}

  public static InquiryFacts fold(InquiryFacts current, String inquiryId, SpecificRecord event) {
    InquiryFacts f = current == null ? new InquiryFacts() : current;
    f.inquiryId = inquiryId;
    if (event instanceof InquiryReceived r) {
      f.receivedAt = r.getOccurredAt();
      f.channel = r.getChannel().name();
      if (r.getAmount() != null) {
        f.amount = r.getAmount().getAmount();
        f.currency = r.getAmount().getCurrency();
      }
    } else if (event instanceof InquiryClassified c) {
      f.classifiedAt = earliest(f.classifiedAt, c.getOccurredAt());
      if (f.types.isEmpty() || c.getOccurredAt().equals(f.classifiedAt)) {
        f.types = c.getTypes().stream().map(TypeScore::getType).toList();
      }
      f.urgency = c.getUrgency().name();
      f.receivedAt = f.receivedAt == null ? c.getContext().getReceivedAt() : f.receivedAt;
    } else if (event instanceof InquiryRouted r) {
      f.routedAt = earliest(f.routedAt, r.getOccurredAt());
      f.teams = r.getTeams().stream().map(TeamAssignment::getTeam).toList();
      f.priority = r.getPriority();
      f.responseDueAt = r.getResponseDueAt();
      f.resolutionDueAt = r.getResolutionDueAt();
      if (f.types.isEmpty()) {
        f.types = List.copyOf(r.getTypes());
      }
      if (f.receivedAt == null) {
        f.receivedAt = r.getContext().getReceivedAt();
        f.channel = r.getContext().getChannel().name();
      }
    } else if (event instanceof InquiryWorked w) {
      switch (w.getActivity()) {
        case "FIRST_RESPONDED" ->
            f.firstResponseAt = earliest(f.firstResponseAt, w.getOccurredAt());
        case "REOPENED" -> {
          f.reopenings++;
          f.lastReopenedAt = latest(f.lastReopenedAt, w.getOccurredAt());
        }
        case "SLA_PAUSED" -> {
          f.slaPausedAt = w.getOccurredAt();
          if (w.getResolutionDueAt() != null) {
            f.resolutionDueAt = w.getResolutionDueAt();
          }
        }
        case "SLA_RESUMED" -> {
          f.slaPausedAt = null;
          if (w.getResolutionDueAt() != null) {
            f.resolutionDueAt = w.getResolutionDueAt();
          }
        }
        case "SLA_BREACHED" -> {
          String detail = w.getDetail() == null ? "" : w.getDetail();
          if (detail.startsWith("first response")) {
            f.responseBreached = true;
          } else {
            f.resolutionBreached = true;
          }
        }
        default -> {}
      }
    } else if (event instanceof InquiryApproved a) {
      f.firstApprovalAt = earliest(f.firstApprovalAt, a.getOccurredAt());
      if (a.getFinalDecision()) {
        if (a.getDecision() == ApprovalDecision.APPROVED) {
          f.approvalsApproved++;
        } else {
          f.approvalsRejected++;
        }
      }
    } else if (event instanceof InquiryResolved r) {
      f.resolutions++;
      if (f.resolvedAt == null || !r.getOccurredAt().isBefore(f.resolvedAt)) {
        f.resolvedAt = r.getOccurredAt();
        f.firstContactResolution = r.getFirstContactResolution();
        f.rootCause = r.getRootCause();
        if (!r.getTeams().isEmpty()) {
          f.teams = List.copyOf(r.getTeams());
        }
        if (!r.getConfirmedTypes().isEmpty()) {
          f.types = List.copyOf(r.getConfirmedTypes());
        }
        f.adjustments =
            r.getAdjustments().stream()
                .filter(a -> a.getAmount() != null)
                .map(
                    a ->
                        new InquiryFacts.Adjustment(
                            a.getType(), a.getAmount().getAmount(), a.getAmount().getCurrency()))
                .toList();
      }
      if (r.getFirstResponseAt() != null) {
        f.firstResponseAt = earliest(f.firstResponseAt, r.getFirstResponseAt());
      }
      if (f.receivedAt == null) {
        f.receivedAt = r.getContext().getReceivedAt();
        f.channel = r.getContext().getChannel().name();
      }
    } else if (event instanceof InquiryRated rated) {
      if (f.ratedAt == null || !rated.getOccurredAt().isBefore(f.ratedAt)) {
        f.csatScore = rated.getScore();
        f.ratedAt = rated.getOccurredAt();
      }
    }
    return f;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
