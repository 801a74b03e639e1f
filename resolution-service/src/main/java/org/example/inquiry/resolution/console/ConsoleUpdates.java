package org.example.inquiry.resolution.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import org.example.inquiry.platform.streams.ChangelogFeed;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Live updates for the console's pages as server-sent events: the cases changelog (which every
 * instance follows) says which case changed, once the change is committed; the page then reloads
 * the part that shows it. A queue hears of any change at most every two seconds.
 */
@Hidden // the console's pages, not part of the API (docs/openapi)
@RestController
class ConsoleUpdates {

  static final String CASE_CHANGED = "case-changed";
  static final String QUEUE_CHANGED = "queue-changed";
  private static final Duration HEARTBEAT = Duration.ofSeconds(20);

  private final ChangelogFeed<InquiryCase> cases;

  ConsoleUpdates(ChangelogFeed<InquiryCase> caseChangelogFeed) {
    this.cases = caseChangelogFeed;
  }

  @GetMapping(path = "/console/cases/{id}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> caseUpdates(@PathVariable String id) {
    return withHeartbeat(
        cases
            .changes()
            .filter(id::equals)
            .sample(Duration.ofMillis(300))
            .map(key -> ServerSentEvent.builder(key).event(CASE_CHANGED).build()));
  }

  @GetMapping(path = "/console/queue/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> queueUpdates() {
    return withHeartbeat(
        cases
            .changes()
            .sample(Duration.ofSeconds(2))
            .map(key -> ServerSentEvent.builder(key).event(QUEUE_CHANGED).build()));
  }

  /**
   * An event at once (the response starts, and the page knows it is connected), then a comment now
   * and then, which keeps proxies from closing a quiet stream.
   */
  private static Flux<ServerSentEvent<String>> withHeartbeat(Flux<ServerSentEvent<String>> events) {
    return Flux.concat(
        Flux.just(ServerSentEvent.builder("live").event("connected").build()),
        Flux.merge(
            events,
            Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<String>builder().comment("").build())));
  }
}
