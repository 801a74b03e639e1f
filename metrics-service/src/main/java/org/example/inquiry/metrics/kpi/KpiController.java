package org.example.inquiry.metrics.kpi;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/kpis}: the KPIs computed so far. */
@RestController
class KpiController {

  private final StageCounts counts;

  KpiController(StageCounts counts) {
    this.counts = counts;
  }

  @Operation(summary = "KPIs from the event log: lifecycle events per stage and open backlog")
  @GetMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','approver','supervisor','auditor')")
  Mono<Map<String, Object>> kpis() {
    return Mono.fromCallable(
        () -> {
          Map<String, Long> stages =
              counts
                  .current()
                  .orElseThrow(
                      () ->
                          new ResponseStatusException(
                              HttpStatus.SERVICE_UNAVAILABLE,
                              "KPIs are still being computed from the log; retry shortly"));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("stageEvents", stages);
          body.put("openBacklog", stages.get("received") - stages.get("resolved"));
          return body;
        });
  }
}
