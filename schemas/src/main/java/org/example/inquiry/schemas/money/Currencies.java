package org.example.inquiry.schemas.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currencies money may be in: the ISO 4217 codes of currencies in circulation (list one, as of
 * 2026), without fund codes (BOV, CHE, CLF, ...), precious metals, SDRs and the testing and
 * no-currency codes (XAU, XDR, XTS, XXX, ...). Minor units come from the JDK where it knows the
 * currency and are 2 otherwise.
 */
public final class Currencies {

  /** The accepted codes, sorted. */
  public static final Set<String> ACCEPTED =
      new TreeSet<>(
          Set.of(
              "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
              "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
              "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK",
              "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
              "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
              "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
              "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
              "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
              "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
              "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
              "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
              "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES",
              "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG"));

  /** The largest amount the platform accepts in any currency. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private Currencies() {}

  public static boolean isAccepted(String code) {
    return code != null && ACCEPTED.contains(code);
  }

  /** Decimal places the currency's smallest unit has (JPY 0, USD 2, KWD 3). */
  public static int minorUnits(String code) {
    try {
      int digits = Currency.getInstance(code).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  /**
   * Why {@code amount} is not an amount of {@code currency}, or null when it is one: the currency
   * must be accepted, the amount no finer than the currency's minor unit and at most {@link
   * #MAX_AMOUNT}.
   */
  public static String problem(BigDecimal amount, String currency) {
    if (!isAccepted(currency)) {
      return "currency " + currency + " is not an ISO 4217 currency in circulation";
    }
    if (amount == null) {
      return null;
    }
    if (amount.abs().compareTo(MAX_AMOUNT) > 0) {
      return "amount must not exceed " + MAX_AMOUNT.toPlainString();
    }
    int units = minorUnits(currency);
    if (amount.stripTrailingZeros().scale() > units) {
      return "amount has more decimal places than " + currency + " has (" + units + ")";
    }
    return null;
  }
}
