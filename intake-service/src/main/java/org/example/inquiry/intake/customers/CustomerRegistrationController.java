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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.example.inquiry.platform.kafka.EventPublisher;
import org.example.inquiry.platform.streams.CommandOutcomes;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One customer at a time: a master-data agent registers a customer (KYC PENDING) and a different
 * person records the KYC verification. Both publish to the compacted {@code customers} topic and
 * answer once the customer master view of this instance has stored the change, so the next call
 * sees it.
 */
@RestController
class CustomerRegistrationController {

  private static final Logger log = LoggerFactory.getLogger(CustomerRegistrationController.class);

  private final CustomerDirectory directory;
  private final CommandOutcomes<Customer> outcomes;
  private final EventPublisher publisher;
  private final Clock clock = Clock.systemUTC();

  CustomerRegistrationController(
      CustomerDirectory directory, CommandOutcomes<Customer> outcomes, EventPublisher publisher) {
    this.directory = directory;
    this.outcomes = outcomes;
    this.publisher = publisher;
  }

  /** A customer as the customer master now has it. */
  record CustomerView(
      String customerId,
      String legalName,
      String segment,
      String region,
      List<String> contactEmails,
      List<String> emailDomains,
      String kycStatus,
      LocalDate kycExpiresOn,
      String registeredBy,
      String kycVerifiedBy,
      String accountManager,
      BigDecimal creditLimit,
      String creditLimitCurrency,
      Instant updatedAt) {

    static CustomerView of(Customer c) {
      return new CustomerView(
          c.getCustomerId(),
          c.getLegalName(),
          c.getSegment(),
          c.getRegion(),
          c.getContacts().stream().map(Contact::getEmail).toList(),
          c.getEmailDomains(),
          c.getKycStatus().name(),
          c.getKycExpiresOn(),
          c.getRegisteredBy(),
          c.getKycVerifiedBy(),
          c.getAccountManager(),
          c.getCreditLimit() == null ? null : c.getCreditLimit().getAmount(),
          c.getCreditLimit() == null ? null : c.getCreditLimit().getCurrency(),
          c.getUpdatedAt());
    }
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

  /**
   * A finance system's posting of an approved credit-limit change.
   *
   * @param effectId the {@code FinancialEffectApproved} it posts (logged for the audit trail)
   * @param oldLimit the limit the change was approved against (optional; refused as stale when the
   *     master has another)
   */
  record CreditLimitRequest(
      @NotBlank @Size(max = 64) String effectId,
      @NotNull @Valid MoneyDto newLimit,
      @Valid MoneyDto oldLimit) {}

  @Operation(
      summary =
          "Set a customer's credit limit as the finance system posted an approved"
              + " CREDIT_LIMIT_CHANGE (financial-effects-approved); finance systems only")
  @PutMapping(
      path = "/api/v1/customers/{customerId}/credit-limit",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('finance-system')")
  Mono<CustomerView> setCreditLimit(
      @PathVariable String customerId,
      @Valid @RequestBody CreditLimitRequest body,
      Authentication caller) {
    return decide(
            customerId,
            existing ->
                CustomerRegistration.setCreditLimit(
                    existing,
                    money(body.newLimit()),
                    body.oldLimit() == null ? null : money(body.oldLimit()),
                    now()))
        .doOnNext(
            customer ->
                log.info(
                    "{} set customer {}'s credit limit to {} {} (effect {})",
                    caller.getName(),
                    customerId,
                    customer.creditLimit(),
                    customer.creditLimitCurrency(),
                    body.effectId()));
  }

  private static org.example.inquiry.schemas.Money money(MoneyDto m) {
    return new org.example.inquiry.schemas.Money(
        m.amount().setScale(4, java.math.RoundingMode.UNNECESSARY), m.currency());
  }

  @Operation(summary = "Register a new customer in the customer master (KYC PENDING)")
  @PostMapping(
      path = "/api/v1/customers",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<ResponseEntity<CustomerView>> register(
      @Valid @RequestBody RegisterRequest body, Authentication caller) {
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
    return decide(
            body.customerId(),
            existing -> CustomerRegistration.register(request, existing, caller.getName(), now()))
        .map(
            customer -> {
              log.info("{} registered customer {}", caller.getName(), customer.customerId());
              return ResponseEntity.created(
                      URI.create("/api/v1/customers/" + customer.customerId()))
                  .body(customer);
            });
  }

  @Operation(summary = "Record a customer's KYC verification (not by the person who registered it)")
  @PostMapping(
      path = "/api/v1/customers/{customerId}/kyc-verification",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('approver','supervisor')")
  Mono<CustomerView> verify(
      @PathVariable String customerId,
      @Valid @RequestBody VerificationRequest body,
      Authentication caller) {
    return decide(
            customerId,
            existing ->
                CustomerRegistration.verify(
                    existing, body.outcome(), body.expiresOn(), caller.getName(), now()))
        .doOnNext(
            customer ->
                log.info(
                    "{} recorded KYC {} for customer {}",
                    caller.getName(),
                    customer.kycStatus(),
                    customerId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Decides on the customer as the master has it now, publishes the result and answers once this
   * instance's view has stored it.
   */
  private Mono<CustomerView> decide(String customerId, Function<Customer, Customer> decision) {
    return Mono.fromCallable(() -> decision.apply(directory.record(customerId).orElse(null)))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(
            CustomerRegistration.Refused.class,
            e -> new ResponseStatusException(status(e.refusal()), e.getMessage()))
        .flatMap(
            customer ->
                outcomes.publishAndAwait(
                    customer.getCustomerId(),
                    UUID.randomUUID().toString(),
                    () ->
                        publisher.publish(
                            Topics.CUSTOMERS.name(), customer.getCustomerId(), customer),
                    seen -> shows(seen, customer),
                    () ->
                        Mono.fromCallable(
                                () ->
                                    directory
                                        .record(customer.getCustomerId())
                                        .flatMap(seen -> shows(seen, customer)))
                            .subscribeOn(Schedulers.boundedElastic()),
                    "customer "
                        + customer.getCustomerId()
                        + " was published but the customer master view does not show it yet;"
                        + " retry the read"));
  }

  private static Optional<CustomerView> shows(Customer seen, Customer published) {
    return seen.getUpdatedAt().isBefore(published.getUpdatedAt())
        ? Optional.empty()
        : Optional.of(CustomerView.of(seen));
  }

  private static HttpStatus status(CustomerRegistration.Refusal refusal) {
    return switch (refusal) {
      case ALREADY_REGISTERED -> HttpStatus.CONFLICT;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case SAME_PERSON -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case STALE -> HttpStatus.CONFLICT;
    };
  }
}
