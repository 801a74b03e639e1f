package org.example.inquiry.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.example.inquiry.simulator.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InquiryGeneratorTest {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> REFERENCE_KINDS =
      Set.of("INVOICE", "ORDER", "LETTER_OF_CREDIT", "CONTRACT", "PAYMENT", "CREDIT_NOTE", "OTHER");
  private static final Set<String> TAXONOMY =
      Set.of(
          "billing-discrepancy",
          "invoice-copy",
          "payment-status",
          "payment-terms",
          "credit-limit",
          "dispute",
          "refund",
          "letter-of-credit",
          "logistics-billing",
          "debt-restructuring",
          "kyc-master-data",
          "treasury-fx",
          "general");

  private static SampleData data;
  private static List<GeneratedInquiry> inquiries;

  @BeforeAll
  static void generate() {
    data = SampleData.load(TestData.dataDir());
    InquiryGenerator generator =
        new InquiryGenerator(data, ChannelMix.DEFAULT, 42, "sim-test", 0.05, 0.03);
    inquiries = IntStream.range(0, 3000).mapToObj(generator::generate).toList();
  }

  @Test
  void channelMixMatchesTheConfiguredSharesOver10000Draws() {
    SplittableRandom random = new SplittableRandom(7);
    Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
    for (int i = 0; i < 10_000; i++) {
      counts.merge(ChannelMix.DEFAULT.draw(random), 1, Integer::sum);
    }

    assertThat(counts.get(Channel.PORTAL) / 10_000.0).isBetween(0.57, 0.63);
    assertThat(counts.get(Channel.EMAIL) / 10_000.0).isBetween(0.22, 0.28);
    assertThat(counts.get(Channel.ADAPTER) / 10_000.0).isBetween(0.12, 0.18);
  }

  @Test
  void withoutKafkaTheAdaptersShareGoesToThePortal() {
    ChannelMix mix = ChannelMix.DEFAULT.withoutAdapter();
    SplittableRandom random = new SplittableRandom(7);

    long adapter =
        IntStream.range(0, 10_000).filter(i -> mix.draw(random) == Channel.ADAPTER).count();

    assertThat(adapter).isZero();
    assertThat(mix.share(Channel.PORTAL)).isCloseTo(0.75, Offset.offset(1e-9));
  }

  @Test
  void generatedChannelsFollowTheMix() {
    Map<Channel, Long> counts = new EnumMap<>(Channel.class);
    inquiries.forEach(q -> counts.merge(q.channel(), 1L, Long::sum));

    assertThat(counts.get(Channel.PORTAL) / 3000.0).isBetween(0.55, 0.65);
    assertThat(counts.get(Channel.EMAIL) / 3000.0).isBetween(0.21, 0.29);
    assertThat(counts.get(Channel.ADAPTER) / 3000.0).isBetween(0.11, 0.19);
  }

  @Test
  void everyInquiryPassesIntakesValidation() {
    for (GeneratedInquiry q : inquiries) {
      assertThat(q.subject()).as(q.key()).isNotBlank().hasSizeLessThanOrEqualTo(500);
      assertThat(q.subject()).as(q.key()).doesNotContain("{").doesNotContain("}");
      assertThat(q.body()).as(q.key()).isNotBlank().hasSizeLessThanOrEqualTo(100_000);
      assertThat(q.body()).as(q.key()).doesNotContain("{").doesNotContain("}");
      assertThat(q.contactEmail()).as(q.key()).matches(EMAIL).hasSizeLessThanOrEqualTo(320);
      assertThat(q.contactName()).as(q.key()).isNotBlank().hasSizeLessThanOrEqualTo(200);
      assertThat(q.key()).hasSizeBetween(1, 255);
      assertThat(q.references()).hasSizeLessThanOrEqualTo(50);
      for (GeneratedInquiry.Reference r : q.references()) {
        assertThat(r.kind()).isIn(REFERENCE_KINDS);
        assertThat(r.value()).isNotBlank().hasSizeLessThanOrEqualTo(64);
      }
      if (q.amount() != null) {
        assertThat(q.amount()).as(q.key()).isPositive();
        assertThat(q.amount().scale()).isLessThanOrEqualTo(4);
        assertThat(q.amount().precision() - q.amount().scale()).isLessThanOrEqualTo(15);
        assertThat(q.currency()).matches(CURRENCY);
      } else {
        assertThat(q.currency()).isNull();
      }
      assertThat(q.portalChannel()).isIn("PORTAL", "API");
      assertThat(q.type().slug()).isIn(TAXONOMY);
    }
  }

  @Test
  void invoiceReferencesBelongToTheWritingCustomer() {
    long quoting = 0;
    for (GeneratedInquiry q : inquiries) {
      List<String> invoices =
          q.references().stream()
              .filter(r -> r.kind().equals("INVOICE"))
              .map(r -> r.value())
              .toList();
      if (q.customer() == null) {
        assertThat(invoices).as(q.key()).isEmpty();
        continue;
      }
      Set<String> own = new HashSet<>();
      data.invoicesOf(q.customerId()).forEach(i -> own.add(i.documentNumber()));
      assertThat(own).as(q.key()).containsAll(invoices);
      if (q.type().quotesInvoice()) {
        assertThat(invoices).as(q.key()).isNotEmpty();
        assertThat(q.invoice().customerId()).isEqualTo(q.customerId());
        assertThat(q.body() + q.subject()).contains(q.invoice().documentNumber());
        quoting++;
      }
    }
    assertThat(quoting).isGreaterThan(1500);
  }

  @Test
  void knownCustomersWriteFromARegisteredContactAndAboutFivePercentAreStrangers() {
    long unknown = 0;
    for (GeneratedInquiry q : inquiries) {
      if (q.customer() == null) {
        unknown++;
        assertThat(q.customerId()).isNull();
        assertThat(data.customers())
            .noneMatch(c -> c.emailDomains().contains(q.contactEmail().split("@")[1]));
      } else {
        assertThat(q.customer().contacts())
            .extracting(SampleData.Contact::email)
            .contains(q.contactEmail());
      }
    }
    assertThat(unknown / 3000.0).isBetween(0.03, 0.07);
  }

  @Test
  void amountsAreInTheQuotedInvoicesCurrencyAndPlausible() {
    for (GeneratedInquiry q : inquiries) {
      if (q.amount() == null || q.invoice() == null) {
        continue;
      }
      assertThat(q.currency()).isEqualTo(q.invoice().currency());
      switch (q.type()) {
        case BILLING_DISCREPANCY, DISPUTE, REFUND, LOGISTICS_BILLING ->
            assertThat(q.amount())
                .isLessThanOrEqualTo(q.invoice().amount().abs().max(BigDecimal.ONE));
        default -> {}
      }
    }
  }

  @Test
  void typesFollowTheirWeightsAndEveryTypeTurnsUp() {
    Map<InquiryType, Long> counts = new EnumMap<>(InquiryType.class);
    inquiries.forEach(q -> counts.merge(q.type(), 1L, Long::sum));

    assertThat(counts.keySet()).containsExactlyInAnyOrder(InquiryType.values());
    assertThat(counts.get(InquiryType.INVOICE_COPY))
        .isGreaterThan(counts.get(InquiryType.TREASURY_FX));
  }

  @Test
  void wordingVaries() {
    Set<String> subjects = new HashSet<>();
    Set<String> bodies = new HashSet<>();
    inquiries.stream()
        .filter(q -> q.type() == InquiryType.DISPUTE)
        .forEach(
            q -> {
              subjects.add(q.subject());
              bodies.add(q.body());
            });

    assertThat(subjects).hasSizeGreaterThan(20);
    assertThat(bodies).hasSizeGreaterThan(100);
  }

  @Test
  void sameSeedSameInquiriesAndKeysAreUniqueInARun() {
    InquiryGenerator again =
        new InquiryGenerator(data, ChannelMix.DEFAULT, 42, "sim-test", 0.05, 0.03);
    InquiryGenerator otherSeed =
        new InquiryGenerator(data, ChannelMix.DEFAULT, 43, "sim-test", 0.05, 0.03);

    assertThat(again.generate(17)).isEqualTo(inquiries.get(17));
    assertThat(again.generate(2999)).isEqualTo(inquiries.get(2999));
    assertThat(otherSeed.generate(17).body()).isNotEqualTo(inquiries.get(17).body());
    assertThat(inquiries.stream().map(GeneratedInquiry::key).distinct()).hasSize(3000);
  }

  @Test
  void aFewInquiriesAreResentButNeverThroughTheAdapter() {
    long resent = inquiries.stream().filter(GeneratedInquiry::resent).count();

    assertThat(resent / 3000.0).isBetween(0.05, 0.10);
    assertThat(inquiries).noneMatch(q -> q.resent() && q.channel() == Channel.ADAPTER);
  }

  @Test
  void theRequestBodyCarriesWhatIntakeReads() {
    GeneratedInquiry q =
        inquiries.stream()
            .filter(i -> i.customer() != null && i.amount() != null && !i.references().isEmpty())
            .findFirst()
            .orElseThrow();

    Map<String, Object> body = q.toRequestBody();

    assertThat(body)
        .containsEntry("customerId", q.customerId())
        .containsEntry("subject", q.subject())
        .containsEntry("channel", q.portalChannel())
        .containsKeys("contact", "body", "references", "amount");
  }
}
