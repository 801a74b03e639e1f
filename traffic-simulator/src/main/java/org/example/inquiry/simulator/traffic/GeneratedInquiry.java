package org.example.inquiry.simulator.traffic;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated customer inquiry, ready for any channel.
 *
 * @param index position in the run (0-based)
 * @param key the run-unique idempotency key (Idempotency-Key, Message-ID local part, submission id)
 * @param channel how it is sent
 * @param portalChannel for {@link Channel#PORTAL}: the JSON channel field, PORTAL or API
 * @param type the type the customer actually means (what an agent confirms at resolution)
 * @param customer the customer writing, or null for an unknown sender
 * @param contactName the sender's name
 * @param contactEmail the sender's address (a registered contact of the customer when known)
 * @param subject one line
 * @param body the text
 * @param references documents quoted (INVOICE, ORDER, LETTER_OF_CREDIT, PAYMENT)
 * @param amount the amount the inquiry is about, or null
 * @param currency its ISO 4217 currency, or null
 * @param invoice the main invoice quoted, or null
 * @param actionAmount what a fitting financial action would be worth (null: no action fits)
 * @param resent whether the customer sends it twice (same idempotency key)
 */
public record GeneratedInquiry(
    int index,
    String key,
    Channel channel,
    String portalChannel,
    InquiryType type,
    SampleData.Customer customer,
    String contactName,
    String contactEmail,
    String subject,
    String body,
    List<Reference> references,
    BigDecimal amount,
    String currency,
    SampleData.OpenItem invoice,
    BigDecimal actionAmount,
    boolean resent) {

  /** A document number the customer quotes. */
  public record Reference(String kind, String value) {}

  public String customerId() {
    return customer == null ? null : customer.id();
  }

  /** The body of {@code POST /api/v1/inquiries}. */
  public Map<String, Object> toRequestBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (customer != null) {
      body.put("customerId", customer.id());
    }
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", contactName);
    contact.put("email", contactEmail);
    body.put("contact", contact);
    body.put("subject", subject);
    body.put("body", this.body);
    body.put("channel", portalChannel);
    if (!references.isEmpty()) {
      body.put(
          "references",
          references.stream().map(r -> Map.of("kind", r.kind(), "value", r.value())).toList());
    }
    if (amount != null) {
      body.put("amount", Map.of("amount", amount, "currency", currency));
    }
    return body;
  }
}
