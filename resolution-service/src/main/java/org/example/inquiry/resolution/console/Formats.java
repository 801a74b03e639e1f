package org.example.inquiry.resolution.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console prints times and amounts (every page has it as {@code fmt}). Pure. */
public final class Formats {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  public String time(Instant at) {
    return at == null ? "—" : MINUTES.format(at);
  }

  public String seconds(Instant at) {
    return at == null ? "—" : SECONDS.format(at);
  }

  /** 22000 → "22,000.00". */
  public String money(BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
  }
}
