package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;

/** An exact amount in one ISO 4217 currency, as the Avro {@code Money} carries it. */
public record Money(BigDecimal amount, String currency) {

  public String display() {
    return amount.toPlainString() + " " + currency;
  }
}
