package org.example.inquiry.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.example.inquiry.platform.kafka.InvalidEventException;
import org.example.inquiry.platform.validation.MoneyInput;
import org.example.inquiry.platform.validation.ValidMoney;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service using the platform auto-configuration, as the five services do. */
@SpringBootApplication
class PlatformTestApplication {

  static final List<InquiryReceived> received = new CopyOnWriteArrayList<>();
  static final AtomicInteger invalidAttempts = new AtomicInteger();

  @KafkaListener(
      id = "platform-it-received",
      idIsGroup = false,
      topics = Topics.Names.INQUIRIES_RECEIVED)
  void on(InquiryReceived event) {
    if (event.getSubject().startsWith("INVALID")) {
      invalidAttempts.incrementAndGet();
      throw new InvalidEventException("subject marked invalid for the test");
    }
    received.add(event);
  }

  @RestController
  static class PingController {
    @GetMapping("/api/v1/ping")
    @PreAuthorize("hasRole('agent')")
    Mono<String> ping(Principal caller) {
      return Mono.just("pong " + caller.getName());
    }

    /** Echoes a validated body, for the strict-input tests. */
    @PostMapping("/api/v1/echo")
    @PreAuthorize("hasRole('agent')")
    Mono<EchoRequest> echo(@Valid @RequestBody EchoRequest body) {
      return Mono.just(body);
    }
  }

  record EchoRequest(
      @NotBlank String subject,
      Integer count,
      Boolean flag,
      List<String> tags,
      @Valid Amount amount) {}

  @ValidMoney
  record Amount(BigDecimal amount, String currency) implements MoneyInput {}
}
