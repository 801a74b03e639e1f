package org.example.inquiry.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Generates the run's inquiries: channel by the {@link ChannelMix}, a customer of the master
 * writing from a registered contact address (or, now and then, an unknown sender), a type by its
 * weight, references to that customer's real invoices, plausible amounts in the invoice's currency
 * and varied wording. Inquiry {@code i} depends only on the seed and {@code i}, so a run is
 * reproducible whatever the timing.
 */
public final class InquiryGenerator {

  private static final List<String> UNKNOWN_FIRST =
      List.of("J.", "Marta", "Tomasz", "Priya", "Kofi", "Elena", "Rui", "Sven");
  private static final List<String> UNKNOWN_LAST =
      List.of("Novak", "Kowalczyk", "Mensah", "Rossi", "Iyer", "Lindqvist", "Costa", "Haddad");
  private static final List<String> UNKNOWN_DOMAINS =
      List.of(
          "unknown-trading.example",
          "newco-imports.example",
          "freemail.example",
          "westbrook-consulting.example");
  private static final List<InquiryType> UNKNOWN_SENDER_TYPES =
      List.of(
          InquiryType.GENERAL,
          InquiryType.CREDIT_LIMIT,
          InquiryType.KYC_MASTER_DATA,
          InquiryType.PAYMENT_TERMS);
  private static final List<String> TREASURY_CURRENCIES = List.of("EUR", "GBP", "USD");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private final SampleData data;
  private final ChannelMix mix;
  private final long seed;
  private final String runId;
  private final double unknownSenderShare;
  private final double resendShare;
  private final List<SampleData.Customer> withInvoices;
  private final int totalWeight;

  /**
   * @param runId makes every idempotency key of this run unique
   * @param unknownSenderShare share of senders unknown to the customer master (e.g. 0.05)
   * @param resendShare share of inquiries the customer sends twice (e.g. 0.03), besides one in
   *     every 20 (not through the adapter, which gets no answer to compare)
   */
  public InquiryGenerator(
      SampleData data,
      ChannelMix mix,
      long seed,
      String runId,
      double unknownSenderShare,
      double resendShare) {
    this.data = data;
    this.mix = mix;
    this.seed = seed;
    this.runId = runId;
    this.unknownSenderShare = unknownSenderShare;
    this.resendShare = resendShare;
    this.withInvoices =
        data.customers().stream().filter(c -> !data.invoicesOf(c.id()).isEmpty()).toList();
    if (data.customers().isEmpty() || withInvoices.isEmpty()) {
      throw new IllegalArgumentException("the sample data holds no customers with invoices");
    }
    int weights = 0;
    for (InquiryType t : InquiryType.values()) {
      weights += t.weight();
    }
    this.totalWeight = weights;
  }

  /** The random source of inquiry {@code index} (also used for how agents treat it). */
  public static RandomGenerator randomFor(long seed, int index, long salt) {
    return new SplittableRandom(
        mix64(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt));
  }

  public GeneratedInquiry generate(int index) {
    RandomGenerator random = randomFor(seed, index, 0);
    Channel channel = mix.draw(random);
    boolean unknown = random.nextDouble() < unknownSenderShare;
    InquiryType type = unknown ? pick(random, UNKNOWN_SENDER_TYPES) : drawType(random);
    SampleData.Customer customer =
        unknown
            ? null
            : type.quotesInvoice() ? pick(random, withInvoices) : pick(random, data.customers());
    String contactName;
    String contactEmail;
    if (customer == null) {
      String first = pick(random, UNKNOWN_FIRST);
      String last = pick(random, UNKNOWN_LAST);
      contactName = first + " " + last;
      contactEmail =
          (first.replace(".", "") + "." + last).toLowerCase(Locale.ROOT)
              + "@"
              + pick(random, UNKNOWN_DOMAINS);
    } else {
      SampleData.Contact contact = pick(random, customer.contacts());
      contactName = contact.name() == null ? customer.legalName() : contact.name();
      contactEmail = contact.email();
    }

    Map<String, String> fill = new HashMap<>();
    List<GeneratedInquiry.Reference> references = new ArrayList<>();
    BigDecimal amount = null;
    String currency = null;
    BigDecimal actionAmount = null;
    SampleData.OpenItem invoice = null;
    if (type.quotesInvoice()) {
      List<SampleData.OpenItem> invoices = data.invoicesOf(customer.id());
      invoice = chooseInvoice(random, type, invoices);
      references.add(new GeneratedInquiry.Reference("INVOICE", invoice.documentNumber()));
      fill.put("inv", invoice.documentNumber());
      fill.put("invAmount", money(invoice.amount(), invoice.currency()));
      fill.put(
          "issued", invoice.issueDate() == null ? "last month" : DATE.format(invoice.issueDate()));
      fill.put("due", invoice.dueDate() == null ? "last month" : DATE.format(invoice.dueDate()));
      String order =
          invoice.orderNumber() != null
              ? invoice.orderNumber()
              : "PO-" + (4000 + random.nextInt(6000));
      fill.put("order", order);
      currency = invoice.currency();
      switch (type) {
        case BILLING_DISCREPANCY -> amount = fraction(random, invoice.amount(), 0.02, 0.15);
        case DISPUTE -> amount = fraction(random, invoice.amount(), 0.20, 1.0);
        case REFUND -> amount = fraction(random, invoice.amount(), 0.01, 0.20);
        case LOGISTICS_BILLING -> {
          amount = fraction(random, invoice.amount(), 0.03, 0.12);
          references.add(new GeneratedInquiry.Reference("ORDER", order));
        }
        case LETTER_OF_CREDIT -> {
          String lc =
              invoice.letterOfCreditNumber() != null
                  ? invoice.letterOfCreditNumber()
                  : "LC-" + (100 + random.nextInt(900));
          fill.put("lc", lc);
          references.add(new GeneratedInquiry.Reference("LETTER_OF_CREDIT", lc));
          amount = invoice.amount();
        }
        case DEBT_RESTRUCTURING -> {
          amount = invoice.isUnpaid() ? invoice.openAmount() : invoice.amount();
          for (SampleData.OpenItem other : invoices) {
            if (other != invoice
                && other.isUnpaid()
                && other.currency().equals(currency)
                && references.size() < 3
                && random.nextBoolean()) {
              references.add(new GeneratedInquiry.Reference("INVOICE", other.documentNumber()));
              amount = amount.add(other.openAmount());
            }
          }
        }
        case PAYMENT_STATUS -> amount = random.nextDouble() < 0.3 ? invoice.amount() : null;
        default -> amount = null;
      }
      if (amount == null) {
        currency = null;
      }
    } else if (type == InquiryType.CREDIT_LIMIT) {
      BigDecimal limit =
          customer != null && customer.creditLimit() != null
              ? customer.creditLimit()
              : BigDecimal.valueOf(20_000L + 5_000L * random.nextInt(10));
      currency =
          customer != null && customer.creditLimitCurrency() != null
              ? customer.creditLimitCurrency()
              : "USD";
      BigDecimal requested =
          limit
              .multiply(BigDecimal.valueOf(1.2 + random.nextDouble() * 0.8))
              .divide(BigDecimal.valueOf(5000), 0, RoundingMode.CEILING)
              .multiply(BigDecimal.valueOf(5000))
              .setScale(2, RoundingMode.UNNECESSARY);
      fill.put("limit", money(limit, currency));
      amount = requested;
      actionAmount = requested.subtract(limit).max(BigDecimal.valueOf(5000)).setScale(2);
    } else if (type == InquiryType.TREASURY_FX) {
      currency = pick(random, TREASURY_CURRENCIES);
      amount = BigDecimal.valueOf(5_000 + random.nextInt(245_000)).setScale(2);
      fill.put("cur", currency);
    }
    if (amount != null) {
      fill.put("amt", money(amount, currency));
    }
    fill.put("days", String.valueOf(pick(random, List.of(45, 60, 75, 90))));
    fill.put("weeks", String.valueOf(2 + random.nextInt(4)));
    fill.put("months", String.valueOf(pick(random, List.of(3, 4, 6, 9, 12))));
    if (actionAmount == null) {
      actionAmount = actionAmountFor(type, amount, invoice);
    }

    InquiryTemplates.Wording wording = InquiryTemplates.wording(type);
    String subject = InquiryTemplates.fill(pick(random, wording.subjects()), fill);
    if (random.nextDouble() < 0.1) {
      subject = pick(random, List.of("URGENT: ", "Re: ", "Fwd: ", "")) + subject;
    }
    String extra = pick(random, InquiryTemplates.EXTRAS);
    String firstName = contactName.split(" ")[0];
    String body =
        pick(random, InquiryTemplates.GREETINGS)
            + "\n\n"
            + InquiryTemplates.fill(pick(random, wording.bodies()), fill)
            + (extra.isEmpty() ? "" : "\n\n" + extra)
            + "\n\n"
            + pick(random, InquiryTemplates.CLOSINGS)
            + "\n"
            + (random.nextBoolean() ? contactName : firstName)
            + (customer == null ? "" : "\n" + customer.legalName());
    String portalChannel = random.nextDouble() < 0.7 ? "PORTAL" : "API";
    // A few deliberate duplicates even in short runs: one in every 20, plus the random share.
    boolean resent =
        channel != Channel.ADAPTER && (index % 20 == 7 || random.nextDouble() < resendShare);
    return new GeneratedInquiry(
        index,
        runId + "-" + String.format(Locale.ROOT, "%05d", index),
        channel,
        portalChannel,
        type,
        customer,
        contactName,
        contactEmail,
        subject,
        body,
        List.copyOf(references),
        amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP),
        currency,
        invoice,
        actionAmount,
        resent);
  }

  private InquiryType drawType(RandomGenerator random) {
    int x = random.nextInt(totalWeight);
    for (InquiryType t : InquiryType.values()) {
      x -= t.weight();
      if (x < 0) {
        return t;
      }
    }
    throw new IllegalStateException("weights");
  }

  private static SampleData.OpenItem chooseInvoice(
      RandomGenerator random, InquiryType type, List<SampleData.OpenItem> invoices) {
    List<SampleData.OpenItem> preferred =
        switch (type) {
          case PAYMENT_STATUS, DEBT_RESTRUCTURING, DISPUTE, BILLING_DISCREPANCY ->
              invoices.stream().filter(SampleData.OpenItem::isUnpaid).toList();
          case REFUND -> invoices.stream().filter(i -> !i.isUnpaid()).toList();
          case LETTER_OF_CREDIT ->
              invoices.stream().filter(i -> i.letterOfCreditNumber() != null).toList();
          case LOGISTICS_BILLING -> invoices.stream().filter(i -> i.orderNumber() != null).toList();
          default -> invoices;
        };
    return pick(random, preferred.isEmpty() ? invoices : preferred);
  }

  /** What the financial action fitting the type would be worth; null when none fits. */
  private static BigDecimal actionAmountFor(
      InquiryType type, BigDecimal amount, SampleData.OpenItem invoice) {
    return switch (type) {
      case BILLING_DISCREPANCY, DISPUTE, REFUND, LOGISTICS_BILLING, DEBT_RESTRUCTURING -> amount;
      case PAYMENT_TERMS, LETTER_OF_CREDIT -> invoice == null ? null : invoice.amount();
      default -> null;
    };
  }

  private static BigDecimal fraction(
      RandomGenerator random, BigDecimal of, double low, double high) {
    BigDecimal share = BigDecimal.valueOf(low + random.nextDouble() * (high - low));
    BigDecimal result = of.abs().multiply(share).setScale(2, RoundingMode.HALF_UP);
    return result.signum() > 0 ? result : new BigDecimal("1.00");
  }

  static String money(BigDecimal amount, String currency) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return currency + " " + format.format(amount);
  }

  private static <T> T pick(RandomGenerator random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
