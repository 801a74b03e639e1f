package org.example.inquiry.resolution.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.processing.CaseTopology;
import org.example.inquiry.resolution.replies.ReplyTemplates;
import org.example.inquiry.schemas.Customer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/inquiries/{id}/reply-drafts?language=en}: the reply templates of the case's
 * types filled from the case (contact, customer, invoices, orders, letter of credit, amount, the
 * calling agent), for the agent to edit and send as a reply or request for information.
 */
@RestController
class ReplyDraftController {

  private final ReplyTemplates templates;
  private final CaseQueries cases;
  private final KeyValueView<SpecificRecord> customers;

  ReplyDraftController(ReplyTemplates templates, CaseQueries cases, StoreQueries stores) {
    this.templates = templates;
    this.cases = cases;
    this.customers = stores.keyValue(CaseTopology.CUSTOMERS_STORE, "The customer master view");
  }

  @Operation(
      summary =
          "Reply templates of the case's types filled from the case, to edit and send; gaps are"
              + " the placeholders the case has no value for")
  @GetMapping(
      path = "/api/v1/inquiries/{inquiryId}/reply-drafts",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('agent','supervisor')")
  Mono<ResponseEntity<?>> drafts(
      @PathVariable String inquiryId,
      @RequestParam(defaultValue = "en") String language,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      Authentication caller) {
    String lang = language.toLowerCase(Locale.ROOT);
    if (!templates.languages().contains(lang)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "no reply templates in '" + language + "'; languages: " + templates.languages());
      problem.setTitle("Unknown language");
      return Mono.just(
          ResponseEntity.badRequest()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .body(problem));
    }
    return cases
        .find(inquiryId, authorization)
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> CaseQueryController.notFound(inquiryId)))
        .map(c -> ResponseEntity.ok(templates.drafts(c.types(), lang, values(c, caller))));
  }

  private Map<String, String> values(CaseView c, Authentication caller) {
    Map<String, String> values = new HashMap<>();
    values.put("inquiryId", c.inquiryId());
    values.put("agent", caller.getName());
    c.conversation().stream()
        .filter(m -> m.kind().inbound() && m.contactName() != null && !m.contactName().isBlank())
        .map(InquiryCase.Message::contactName)
        .reduce((a, b) -> b)
        .ifPresent(name -> values.put("contactName", name));
    customerName(c.context().customerId()).ifPresent(name -> values.put("customerName", name));
    values.put("invoices", references(c, "INVOICE"));
    values.put("orders", references(c, "ORDER"));
    values.put("letterOfCredit", references(c, "LETTER_OF_CREDIT"));
    BigDecimal amount = c.context().amount();
    if (amount != null) {
      values.put(
          "amount", c.context().currency() + " " + String.format(Locale.ROOT, "%,.2f", amount));
    }
    return values;
  }

  private static String references(CaseView c, String kind) {
    return c.context().references().stream()
        .filter(r -> r.startsWith(kind + ":"))
        .map(r -> r.substring(kind.length() + 1))
        .collect(Collectors.joining(", "));
  }

  private Optional<String> customerName(String customerId) {
    if (customerId == null) {
      return Optional.empty();
    }
    try {
      return customers
          .get(customerId)
          .filter(Customer.class::isInstance)
          .map(c -> ((Customer) c).getLegalName());
    } catch (StoreUnavailableException e) {
      return Optional.empty();
    }
  }
}
