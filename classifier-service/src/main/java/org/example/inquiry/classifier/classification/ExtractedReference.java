package org.example.inquiry.classifier.classification;

import java.math.BigDecimal;

/**
 * A reference found in an inquiry's text, kept to explain a decision.
 *
 * @param kind INVOICE, AMOUNT or DATE
 * @param value the reference as written (an invoice number, a date) or normalised ({@code 22000.00
 *     USD})
 * @param amount the amount, for AMOUNT; null otherwise
 * @param currency ISO 4217 code, for AMOUNT; null otherwise
 */
public record ExtractedReference(String kind, String value, BigDecimal amount, String currency) {

  static ExtractedReference of(String kind, String value) {
    return new ExtractedReference(kind, value, null, null);
  }
}
