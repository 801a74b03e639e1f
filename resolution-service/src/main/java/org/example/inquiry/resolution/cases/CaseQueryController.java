package org.example.inquiry.resolution.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The case with its timeline, and team queues. */
@RestController
class CaseQueryController {

  private final CaseStore cases;

  CaseQueryController(CaseStore cases) {
    this.cases = cases;
  }

  @Operation(summary = "An inquiry's case with its full timeline")
  @GetMapping(path = "/api/v1/inquiries/{inquiryId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<InquiryCase> get(@PathVariable String inquiryId) {
    return Mono.fromCallable(
            () ->
                cases
                    .find(inquiryId)
                    .orElseThrow(
                        () ->
                            new ResponseStatusException(
                                HttpStatus.NOT_FOUND,
                                "No inquiry " + inquiryId + " is known to resolution")))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Operation(
      summary =
          "A queue of cases, filtered by team, status, priority and SLA due time, most urgent first")
  @GetMapping(path = "/api/v1/queues", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<Map<String, Object>> queue(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer minPriority,
      @RequestParam(required = false) Instant dueBefore,
      @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > 200) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and 200"));
    }
    return Mono.fromCallable(
            () -> {
              List<InquiryCase> found =
                  cases.matching(
                      c ->
                          (team == null || c.teams.stream().anyMatch(t -> t.team().equals(team)))
                              && (status == null ? c.isOpen() : status.equals(c.status))
                              && (minPriority == null || c.priority >= minPriority)
                              && (dueBefore == null || c.resolutionDueAt.isBefore(dueBefore))
                              && (assignee == null || assignee.equals(c.assignee)));
              found.sort(
                  Comparator.comparingInt((InquiryCase c) -> -c.priority)
                      .thenComparing(c -> c.responseDueAt));
              List<Map<String, Object>> items =
                  found.stream()
                      .skip((long) page * size)
                      .limit(size)
                      .map(
                          c ->
                              Map.<String, Object>of(
                                  "inquiryId", c.inquiryId,
                                  "status", c.status,
                                  "priority", c.priority,
                                  "teams", c.teams.stream().map(InquiryCase.Team::team).toList(),
                                  "assignee", c.assignee == null ? "" : c.assignee,
                                  "types", c.types,
                                  "responseDueAt", c.responseDueAt,
                                  "resolutionDueAt", c.resolutionDueAt))
                      .toList();
              return Map.<String, Object>of(
                  "total", found.size(), "page", page, "size", size, "items", items);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
