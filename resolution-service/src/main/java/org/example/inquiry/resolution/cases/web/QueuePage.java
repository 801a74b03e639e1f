package org.example.inquiry.resolution.cases.web;

import java.util.List;
import org.example.inquiry.resolution.cases.InquiryCase;

/** One page of a queue of cases, most urgent first. */
record QueuePage(int total, int page, int size, List<Item> items) {

  /** A case as a queue lists it. */
  record Item(
      String inquiryId,
      String status,
      int priority,
      List<String> teams,
      String assignee,
      List<String> types,
      String responseDueAt,
      String resolutionDueAt,
      String escalatedTo) {

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
          c.escalation() == null ? null : c.escalation().supervisor());
    }
  }
}
