package org.example.inquiry.resolution.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The case with its timeline, and team queues. */
@RestController
class CaseQueryController {

  private final CaseStore cases;
  private final WebClient http = WebClient.create();

  CaseQueryController(CaseStore cases) {
    this.cases = cases;
  }

  @Operation(summary = "An inquiry's case with its full timeline")
  @GetMapping(path = "/api/v1/inquiries/{inquiryId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<InquiryCase> get(
      @PathVariable String inquiryId,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    return Mono.fromCallable(
            () ->
                cases
                    .find(inquiryId, authorization)
                    .orElseThrow(
                        () ->
                            new ResponseStatusException(
                                HttpStatus.NOT_FOUND,
                                "No inquiry " + inquiryId + " is known to resolution")))
        .subscribeOn(Schedulers.boundedElastic());
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
                c.timeline.stream()
                    .filter(entry -> "ATTEMPT_REFUSED".equals(entry.event()))
                    .toList());
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
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "all") String scope,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    if (page < 0 || size < 1 || size > 200) {
      return Mono.error(
          new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and 200"));
    }
    return Mono.fromCallable(
            () -> {
              List<InquiryCase> found =
                  cases.matchingLocally(
                      c ->
                          (team == null || c.teams.stream().anyMatch(t -> t.team().equals(team)))
                              && (status == null ? c.isOpen() : status.equals(c.status))
                              && (minPriority == null || c.priority >= minPriority)
                              && (dueBefore == null || c.resolutionDueAt.isBefore(dueBefore))
                              && (assignee == null || assignee.equals(c.assignee)));
              List<Map<String, Object>> remote = new java.util.ArrayList<>();
              if (!"local".equals(scope)) {
                for (var host : cases.otherInstances()) {
                  remote.addAll(
                      fetchRemote(
                          host, team, status, minPriority, dueBefore, assignee, authorization));
                }
              }
              found.sort(
                  Comparator.comparingInt((InquiryCase c) -> -c.priority)
                      .thenComparing(c -> c.responseDueAt));
              List<Map<String, Object>> items =
                  found.stream()
                      .skip((long) page * size)
                      .limit(size)
                      .map(CaseQueryController::summary)
                      .toList();
              if ("local".equals(scope) || remote.isEmpty()) {
                return Map.<String, Object>of(
                    "total", found.size(), "page", page, "size", size, "items", items);
              }
              List<Map<String, Object>> merged =
                  new java.util.ArrayList<>(
                      found.stream().map(CaseQueryController::summary).toList());
              merged.addAll(remote);
              merged.sort(
                  Comparator.comparingInt(
                          (Map<String, Object> m) -> -((Number) m.get("priority")).intValue())
                      .thenComparing(m -> m.get("responseDueAt").toString()));
              return Map.<String, Object>of(
                  "total",
                  merged.size(),
                  "page",
                  page,
                  "size",
                  size,
                  "items",
                  merged.stream().skip((long) page * size).limit(size).toList());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  static Map<String, Object> summary(InquiryCase c) {
    return Map.<String, Object>of(
        "inquiryId",
        c.inquiryId,
        "status",
        c.status,
        "priority",
        c.priority,
        "teams",
        c.teams.stream().map(InquiryCase.Team::team).toList(),
        "assignee",
        c.assignee == null ? "" : c.assignee,
        "types",
        c.types,
        "responseDueAt",
        c.responseDueAt.toString(),
        "resolutionDueAt",
        c.resolutionDueAt.toString());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> fetchRemote(
      HostInfo host,
      String team,
      String status,
      Integer minPriority,
      Instant dueBefore,
      String assignee,
      String authorization) {
    Map<String, Object> body =
        http.get()
            .uri(
                b -> {
                  var uri =
                      b.scheme("http")
                          .host(host.host())
                          .port(host.port())
                          .path("/api/v1/queues")
                          .queryParam("scope", "local")
                          .queryParam("size", 200);
                  if (team != null) {
                    uri.queryParam("team", team);
                  }
                  if (status != null) {
                    uri.queryParam("status", status);
                  }
                  if (minPriority != null) {
                    uri.queryParam("minPriority", minPriority);
                  }
                  if (dueBefore != null) {
                    uri.queryParam("dueBefore", dueBefore.toString());
                  }
                  if (assignee != null) {
                    uri.queryParam("assignee", assignee);
                  }
                  return uri.build();
                })
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .retrieve()
            .bodyToMono(Map.class)
            .block(java.time.Duration.ofSeconds(10));
    return body == null ? List.of() : (List<Map<String, Object>>) body.get("items");
  }
}
