package org.example.inquiry.resolution.cases.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.security.AccessRefusalListener;
import org.example.inquiry.schemas.RequestRefused;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Audits requests on a case that security refused (401 without a valid token, 403 for a role that
 * may not do it): each becomes a {@code RequestRefused} on {@code requests-refused}, keyed by the
 * inquiry, which the case processor puts on the case's timeline. The answer to the caller does not
 * wait for it.
 */
@Component
class CaseAccessRefusals implements AccessRefusalListener {

  private static final Logger log = LoggerFactory.getLogger(CaseAccessRefusals.class);
  private static final Pattern CASE_PATH =
      Pattern.compile("/api/v1/inquiries/([A-Za-z0-9._:-]{1,100})(/.*)?");

  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  CaseAccessRefusals(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void refused(
      ServerWebExchange exchange, int status, String actor, List<String> roles, String reason) {
    String path = exchange.getRequest().getPath().value();
    String method = exchange.getRequest().getMethod().name();
    log.info(
        "Refused {} {} with {} for {}",
        method,
        abbreviate(path),
        status,
        actor == null ? "an unauthenticated caller" : actor);
    Matcher m = CASE_PATH.matcher(path);
    if (!m.matches()) {
      return;
    }
    String inquiryId = m.group(1);
    RequestRefused refused =
        RequestRefused.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(inquiryId)
            .setOccurredAt(clock.instant())
            .setStatus(status)
            .setActor(actor)
            .setRoles(roles)
            .setMethod(method)
            .setPath(abbreviate(path))
            .setReason(reason.length() > 500 ? reason.substring(0, 500) : reason)
            .build();
    Mono.fromRunnable(() -> publisher.publish(Topics.REQUESTS_REFUSED.name(), inquiryId, refused))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(
            null,
            e ->
                log.error(
                    "Could not audit the refused {} {} on inquiry {}", method, path, inquiryId, e));
  }

  private static String abbreviate(String path) {
    return path.length() > 500 ? path.substring(0, 500) : path;
  }
}
