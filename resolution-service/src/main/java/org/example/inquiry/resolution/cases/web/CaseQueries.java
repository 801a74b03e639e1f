package org.example.inquiry.resolution.cases.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.PeerFailures;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.processing.CaseTopology;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.concurrent.Queues;

/**
 * Reads cases wherever they live (each resolution instance holds the cases of its partitions): one
 * case from this instance or the one that owns it, queues merged from every instance.
 */
@Component
class CaseQueries {

  static final String CASE_PATH = "/api/v1/inquiries/{inquiryId}";

  private final KeyValueView<InquiryCase> cases;
  private final CaseCustomerFinances finances;

  CaseQueries(StoreQueries stores, CaseCustomerFinances finances) {
    this.cases = stores.keyValue(CaseTopology.CASES_STORE, "The case store");
    this.finances = finances;
  }

  /**
   * The case with its customer's finances, from this instance or, with the caller's token, the
   * instance that owns it.
   */
  Mono<Optional<CaseView>> find(String inquiryId, String authorization) {
    return cases.find(inquiryId, finances::view, CASE_PATH, CaseView.class, authorization);
  }

  /** A case of this instance as the API shows it (command answers). */
  CaseView view(InquiryCase kase) {
    return finances.view(kase);
  }

  /** A filter of the queue; null fields do not filter. */
  record QueueFilter(
      String team,
      String status,
      Integer minPriority,
      Instant dueBefore,
      String assignee,
      String escalatedTo) {

    Predicate<InquiryCase> predicate() {
      return c ->
          (team == null || c.teams().stream().anyMatch(t -> t.team().equals(team)))
              && (status == null
                  ? c.isOpen()
                  : c.status() != null && status.equals(c.status().name()))
              && (minPriority == null || c.priority() >= minPriority)
              && (dueBefore == null || c.resolutionDueAt().isBefore(dueBefore))
              && (assignee == null
                  || assignee.equals(c.assignee())
                  || c.teams().stream().anyMatch(t -> assignee.equals(t.assignee())))
              && (escalatedTo == null
                  || (c.escalation() != null && escalatedTo.equals(c.escalation().supervisor())));
    }
  }

  /**
   * The matching cases, most urgent first (priority, then first-response due time), one page of
   * them; {@code everywhere} adds the other instances' matches.
   */
  Mono<QueuePage> queue(
      QueueFilter filter, int page, int size, boolean everywhere, String authorization) {
    Mono<List<QueuePage.Item>> here = cases.matchingHere(filter.predicate(), QueuePage.Item::of);
    Flux<QueuePage.Item> elsewhere =
        everywhere
            ? Flux.fromIterable(cases.otherInstances())
                // Every instance's request runs to its end before a failure is reported: failing
                // fast would cancel the others in flight, and an error one of them met afterwards
                // would land in Reactor's ERROR log ("onErrorDropped").
                .flatMapDelayError(
                    host ->
                        cases
                            .fromInstance(
                                host,
                                b -> {
                                  b.path("/api/v1/queues")
                                      .queryParam("scope", "local")
                                      .queryParam("size", 200);
                                  optional(b, "team", filter.team());
                                  optional(b, "status", filter.status());
                                  optional(b, "minPriority", filter.minPriority());
                                  optional(b, "dueBefore", filter.dueBefore());
                                  optional(b, "assignee", filter.assignee());
                                  optional(b, "escalatedTo", filter.escalatedTo());
                                  return b.build();
                                },
                                QueuePage.class,
                                authorization)
                            .onErrorMap(
                                e -> !(e instanceof StoreUnavailableException),
                                e ->
                                    new StoreUnavailableException(
                                        "The instance " + host + " did not answer for its queue",
                                        e)),
                    Queues.SMALL_BUFFER_SIZE,
                    1)
                .flatMapIterable(remote -> remote.map(QueuePage::items).orElse(List.of()))
            : Flux.empty();
    // Both sides run to their end too; of their failures the caller gets one, "retry shortly".
    return Mono.zipDelayError(here, elsewhere.collectList())
        .onErrorMap(
            Exceptions::isMultiple, e -> PeerFailures.preferred(e, StoreUnavailableException.class))
        .map(
            both -> {
              List<QueuePage.Item> local = both.getT1();
              List<QueuePage.Item> remote = both.getT2();
              List<QueuePage.Item> all = new ArrayList<>(local);
              all.addAll(remote);
              all.sort(
                  Comparator.comparingInt((QueuePage.Item i) -> -i.priority())
                      .thenComparing(i -> Instant.parse(i.responseDueAt())));
              return new QueuePage(
                  all.size(),
                  page,
                  size,
                  all.stream().skip((long) page * size).limit(size).toList());
            });
  }

  private static void optional(UriBuilder b, String name, Object value) {
    if (value != null) {
      b.queryParam(name, value.toString());
    }
  }
}
