package org.example.inquiry.resolution.cases.web;

import java.util.Comparator;
import java.util.List;
import org.example.inquiry.resolution.cases.InquiryCase;

/** One page of a queue of cases, most urgent first. */
public record QueuePage(int total, int page, int size, List<Item> items) {

  /** A case as a queue lists it. */
  public record Item(
      String inquiryId,
      String status,
      int priority,
      List<String> teams,
      String assignee,
      List<String> types,
      String responseDueAt,
      String resolutionDueAt,
      String escalatedTo,
      List<String> priorityReasons,
      String firstResponseAt,
      String slaPausedAt) {

    /** How many of the largest parts of the priority a queue shows as its reasons. */
    static final int REASONS = 3;

    static Item of(InquiryCase c) {
      return new Item(
          c.inquiryId(),
          c.status().name(),
          c.priority(),
          c.teams().stream().map(InquiryCase.Team::team).toList(),
          c.assignee() == null ? "" : c.assignee(),
          c.types(),
          c.responseDueAt().toString(),
          c.resolutionDueAt().toString(),
          c.escalation() == null ? null : c.escalation().supervisor(),
          reasons(c),
          c.firstResponseAt() == null ? null : c.firstResponseAt().toString(),
          c.slaPausedAt() == null ? null : c.slaPausedAt().toString());
    }

    /** The largest parts of the priority in words, most points first ("name: basis"). */
    static List<String> reasons(InquiryCase c) {
      return c.priorityComponents().stream()
          .filter(p -> p.points() > 0)
          .sorted(Comparator.comparingDouble(InquiryCase.PriorityPart::points).reversed())
          .limit(REASONS)
          .map(
              p ->
                  p.name()
                      + " +"
                      + Math.round(p.points())
                      + (p.basis() == null || p.basis().isBlank() ? "" : ": " + p.basis()))
          .toList();
    }
  }
}
