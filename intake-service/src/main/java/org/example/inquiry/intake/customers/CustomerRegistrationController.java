package org.example.inquiry.intake.customers;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.validation.MoneyInput;
import org.example.inquiry.platform.validation.ValidMoney;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One customer at a time: a master-data agent registers a customer (KYC PENDING) and a different
 * person records the KYC verification. Both publish to the compacted {@code customers} topic and
 * answer once the customer master view shows the change, so the next call sees it.
 */
@RestController
class CustomerRegistrationController {

  private static final Logger log = LoggerFactory.getLogger(CustomerRegistrationController.class);
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(15);

  private final CustomerDirectory directory;
  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  CustomerRegistrationController(CustomerDirectory directory, EventPublisher publisher) {
    this.directory = directory;
    this.publisher = publisher;
  }

  record ContactDto(@Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {}

  @ValidMoney
  record MoneyDto(
      @DecimalMin(value = "0.00") @Digits(integer = 15, fraction = 4) BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD")
          String currency)
      implements MoneyInput {}

  record RegisterRequest(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only")
          String customerId,
      @NotBlank @Size(max = 300) String legalName,
      @NotBlank
          @Pattern(
              regexp = "ENTERPRISE|MID_MARKET|SMB|PUBLIC_SECTOR",
              message = "must be one of ENTERPRISE, MID_MARKET, SMB, PUBLIC_SECTOR")
          String segment,
      @Size(max = 32) String region,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid ContactDto> contacts,
      @Size(max = 20)
          List<
                  @NotNull
                  @Pattern(
                      regexp = "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
                      message = "must be a domain like example.com")
                  String>
              emailDomains,
      @Size(max = 100) String accountManager,
      @Valid MoneyDto creditLimit,
      @Pattern(
              regexp = "LOW|MEDIUM|HIGH|VERY_HIGH|UNRATED",
              message = "must be one of LOW, MEDIUM, HIGH, VERY_HIGH, UNRATED")
          String riskRating) {}

  record VerificationRequest(
      @NotBlank @Pattern(regexp = "VERIFIED|FAILED", message = "must be VERIFIED or FAILED")
          String outcome,
      LocalDate expiresOn,
      @Size(max = 2000) String note) {}

  @Operation(summary = "Register a new customer in the customer master (KYC PENDING)")
  @PostMapping(
      path = "/api/v1/customers",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<ResponseEntity<Map<String, Object>>> register(
      @Valid @RequestBody RegisterRequest body, Authentication caller) {
    return Mono.fromCallable(
            () -> {
              var request =
                  new CustomerRegistration.NewCustomer(
                      body.customerId(),
                      body.legalName(),
                      body.segment(),
                      body.region(),
                      body.contacts().stream().map(c -> new Contact(c.name(), c.email())).toList(),
                      body.emailDomains(),
                      body.accountManager(),
                      body.creditLimit() == null ? null : body.creditLimit().amount(),
                      body.creditLimit() == null ? null : body.creditLimit().currency(),
                      body.riskRating());
              Customer customer =
                  decide(
                      () ->
                          CustomerRegistration.register(
                              request,
                              directory.record(body.customerId()).orElse(null),
                              caller.getName(),
                              clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
              publishAndAwait(customer);
              log.info("{} registered customer {}", caller.getName(), customer.getCustomerId());
              return ResponseEntity.created(
                      URI.create("/api/v1/customers/" + customer.getCustomerId()))
                  .body(view(customer));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @Operation(summary = "Record a customer's KYC verification (not by the person who registered it)")
  @PostMapping(
      path = "/api/v1/customers/{customerId}/kyc-verification",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('approver','supervisor')")
  Mono<Map<String, Object>> verify(
      @PathVariable String customerId,
      @Valid @RequestBody VerificationRequest body,
      Authentication caller) {
    return Mono.fromCallable(
            () -> {
              Customer customer =
                  decide(
                      () ->
                          CustomerRegistration.verify(
                              directory.record(customerId).orElse(null),
                              body.outcome(),
                              body.expiresOn(),
                              caller.getName(),
                              clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
              publishAndAwait(customer);
              log.info(
                  "{} recorded KYC {} for customer {}",
                  caller.getName(),
                  customer.getKycStatus(),
                  customerId);
              return view(customer);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static Customer decide(java.util.function.Supplier<Customer> decision) {
    try {
      return decision.get();
    } catch (CustomerRegistration.Refused e) {
      throw new ResponseStatusException(HttpStatus.valueOf(e.status()), e.getMessage());
    }
  }

  private void publishAndAwait(Customer customer) throws InterruptedException {
    publisher.publish(Topics.CUSTOMERS.name(), customer.getCustomerId(), customer);
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      var seen = directory.record(customer.getCustomerId());
      if (seen.isPresent() && !seen.get().getUpdatedAt().isBefore(customer.getUpdatedAt())) {
        return;
      }
      Thread.sleep(25);
    }
    throw new ResponseStatusException(
        HttpStatus.GATEWAY_TIMEOUT,
        "customer "
            + customer.getCustomerId()
            + " was published but the customer master view does not show it yet; retry the read");
  }

  private static Map<String, Object> view(Customer c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("customerId", c.getCustomerId());
    view.put("legalName", c.getLegalName());
    view.put("segment", c.getSegment());
    view.put("region", c.getRegion());
    view.put("contactEmails", c.getContacts().stream().map(Contact::getEmail).toList());
    view.put("emailDomains", c.getEmailDomains());
    view.put("kycStatus", c.getKycStatus().name());
    view.put("kycExpiresOn", c.getKycExpiresOn());
    view.put("registeredBy", c.getRegisteredBy());
    view.put("kycVerifiedBy", c.getKycVerifiedBy());
    view.put("accountManager", c.getAccountManager());
    view.put("updatedAt", c.getUpdatedAt());
    return view;
  }
}
