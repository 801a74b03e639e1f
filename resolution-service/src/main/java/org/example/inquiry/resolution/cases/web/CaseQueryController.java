package org.example.inquiry.resolution.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.example.inquiry.resolution.cases.Activity;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The case with its timeline, its refusals, and team queues. */
@RestController
class CaseQueryController {

  private final CaseQueries cases;

  CaseQueryController(CaseQueries cases) {
    this.cases = cases;
  }

  @Operation(summary = "An inquiry's case with its full timeline")
  @GetMapping(path = CaseQueries.CASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<CaseView> get(
      @PathVariable String inquiryId,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    return cases
        .find(inquiryId, authorization)
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> notFound(inquiryId)));
  }

  @Operation(
      summary =
          "Every refused attempt on an inquiry, for audit: refused commands (segregation of duties,"
              + " state conflicts) and requests security refused (401, 403), with who, what and why")
  @GetMapping(
      path = "/api/v1/inquiries/{inquiryId}/refusals",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('supervisor','auditor')")
  Mono<List<InquiryCase.TimelineEntry>> refusals(
      @PathVariable String inquiryId,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    return get(inquiryId, authorization)
        .map(
            c ->
                c.timeline().stream()
                    .filter(entry -> entry.event() == Activity.ATTEMPT_REFUSED)
                    .toList());
  }

  @Operation(
      summary =
          "A queue of cases, filtered by team, status, priority, SLA due time, assignee (of the"
              + " case or one of its teams) and the supervisor it is escalated to, most urgent"
              + " first")
  @GetMapping(path = "/api/v1/queues", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<QueuePage> queue(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer minPriority,
      @RequestParam(required = false) Instant dueBefore,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String escalatedTo,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "all") String scope,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    if (page < 0 || size < 1 || size > 200) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and 200"));
    }
    return cases.queue(
        new CaseQueries.QueueFilter(team, status, minPriority, dueBefore, assignee, escalatedTo),
        page,
        size,
        !"local".equals(scope),
        authorization);
  }

  static ResponseStatusException notFound(String inquiryId) {
    return new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No inquiry " + inquiryId + " is known to resolution");
  }
}
