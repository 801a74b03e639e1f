package org.example.inquiry.platform.validation;

import java.math.BigDecimal;

/** A request's amount and currency, checked together by {@link ValidMoney}. */
public interface MoneyInput {

  BigDecimal amount();

  String currency();
}
