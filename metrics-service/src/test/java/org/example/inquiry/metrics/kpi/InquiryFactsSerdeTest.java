package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.platform.streams.JsonSerde;
import org.junit.jupiter.api.Test;

class InquiryFactsSerdeTest {

  private final InquiryFactsSerde serde = new InquiryFactsSerde();
  private final JsonSerde<InquiryFacts> json = new JsonSerde<>(InquiryFacts.class);

  @Test
  void everyFieldSurvivesTheBinaryForm() {
    InquiryFacts f = full();
    byte[] bytes = serde.serializer().serialize("t", f);

    assertThat(bytes[0]).isEqualTo(InquiryFactsSerde.VERSION);
    assertThat(asJson(serde.deserializer().deserialize("t", bytes))).isEqualTo(asJson(f));
    assertThat(bytes.length).isLessThan(json.serializer().serialize("t", f).length);
  }

  /**
   * The bytes of version 1, written down once: the stores and their changelogs hold facts in this
   * form, so a change to the layout that keeps the version byte would misread every stored inquiry
   * after an upgrade. A new layout needs a new version (and this version still read).
   */
  private static final String VERSION_1_OF_FULL =
      "0100000005696e712d3101000000006b0d2d00075bcd1500000005454d41494c"
          + "01000000006b0d2d01000000000000000200000007444953505554450000000b"
          + "4352454449545f4e4f5445000000044849474801000000006b0d2d0200000000"
          + "0000000200000008646973707574657300000006637265646974000000510100"
          + "0000006b0d65400000000001000000006b1121800000000001000000006b0d3b"
          + "100000000001000000006b0d492000000000000000020000000101000000006b"
          + "0e7e8000000000000000020000000101000000006b0dd5c00000000001000000"
          + "1950524943494e475f4552524f523a207ac3a4686c7420e282ac000000020000"
          + "000b4352454449545f4e4f5445010000000200000003fe1dc000000003455552"
          + "0000000957524954455f4f464600ffffffff01000000040000000b00d124d918"
          + "7e772fbd94a100000003455552010000000401000000006b0e8c900000000001"
          + "0101000000006b0d573000000000";

  @Test
  void theLayoutOfVersionOneIsPinned() {
    assertThat(HexFormat.of().formatHex(serde.serializer().serialize("t", full())))
        .isEqualTo(VERSION_1_OF_FULL);

    byte[] golden = HexFormat.of().parseHex(VERSION_1_OF_FULL);
    assertThat(asJson(serde.deserializer().deserialize("t", golden))).isEqualTo(asJson(full()));
  }

  @Test
  void emptyFactsAndNullsSurviveToo() {
    InquiryFacts empty = new InquiryFacts();
    assertThat(asJson(roundTrip(empty))).isEqualTo(asJson(empty));

    InquiryFacts nulls = new InquiryFacts();
    nulls.types = null;
    nulls.teams = null;
    nulls.adjustments = null;
    InquiryFacts back = roundTrip(nulls);
    assertThat(back.types).isEmpty();
    assertThat(back.teams).isEmpty();
    assertThat(back.adjustments).isEmpty();
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void factsStoredAsJsonBeforeAreStillRead() {
    InquiryFacts f = full();
    byte[] legacy = json.serializer().serialize("t", f);
    assertThat(legacy[0]).isEqualTo((byte) '{');

    assertThat(asJson(serde.deserializer().deserialize("t", legacy))).isEqualTo(asJson(f));
  }

  @Test
  void randomFactsSurvive() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      InquiryFacts f = new InquiryFacts();
      f.inquiryId = random.nextBoolean() ? null : "inq-" + random.nextLong();
      f.receivedAt = random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt(), 999);
      f.rootCause =
          random.nextBoolean() ? null : "caus\u00e9 " + "\u20ac".repeat(random.nextInt(5));
      f.priority = random.nextInt();
      f.amount = random.nextBoolean() ? null : new BigDecimal(random.nextLong()).movePointLeft(4);
      f.csatScore = random.nextBoolean() ? null : random.nextInt(5) + 1;
      f.types = List.of("INVOICE_QUERY", "DISPUTE").subList(0, random.nextInt(3));
      f.reopenings = random.nextInt(3);
      f.responseBreached = random.nextBoolean();
      assertThat(asJson(roundTrip(f))).isEqualTo(asJson(f));
    }
  }

  @Test
  void damagedBytesAreASerializationErrorNeverAnotherOne() {
    byte[] bytes = serde.serializer().serialize("t", full());

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("no bytes");
    byte[] future = bytes.clone();
    future[0] = 9;
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", future))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown format version 9");
    for (int cut = 1; cut < bytes.length; cut += 7) {
      byte[] shorter = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> serde.deserializer().deserialize("t", shorter))
          .isInstanceOf(SerializationException.class);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("left over");
    // an instant with impossible nanoseconds, a decimal of absurd scale: refused as such
    InquiryFacts onlyReceived = new InquiryFacts();
    onlyReceived.receivedAt = Instant.parse("2026-12-02T08:00:00Z");
    byte[] instant = serde.serializer().serialize("t", onlyReceived);
    int nanosAt = 1 + 4 + 1 + 8; // version, null id, presence, seconds
    instant[nanosAt] = (byte) 0x7f;
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", instant))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("nanoseconds");
    InquiryFacts withAmount = new InquiryFacts();
    withAmount.amount = new BigDecimal("12.5000");
    byte[] decimal = serde.serializer().serialize("t", withAmount);
    int scaleAt = indexOfScale(decimal, 4);
    decimal[scaleAt] = (byte) 0x80;
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", decimal))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("scale");
    byte[] garbage = "\u0001garbage that is no facts".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class);
  }

  /** Where the big-endian int {@code scale} followed by a short length is, for a lone amount. */
  private static int indexOfScale(byte[] bytes, int scale) {
    for (int i = 0; i + 8 <= bytes.length; i++) {
      if (bytes[i] == 1
          && bytes[i + 1] == 0
          && bytes[i + 2] == 0
          && bytes[i + 3] == 0
          && bytes[i + 4] == scale
          && bytes[i + 5] == 0
          && bytes[i + 6] == 0) {
        return i + 1;
      }
    }
    throw new AssertionError("no decimal of scale " + scale);
  }

  private InquiryFacts roundTrip(InquiryFacts f) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", f));
  }

  private String asJson(InquiryFacts f) {
    return new String(json.serializer().serialize("t", f), StandardCharsets.UTF_8);
  }

  private static InquiryFacts full() {
    InquiryFacts f = new InquiryFacts();
    f.inquiryId = "inq-1";
    f.receivedAt = Instant.parse("2026-11-30T08:00:00.123456789Z");
    f.channel = "EMAIL";
    f.classifiedAt = Instant.parse("2026-11-30T08:00:01Z");
    f.types = List.of("DISPUTE", "CREDIT_NOTE");
    f.urgency = "HIGH";
    f.routedAt = Instant.parse("2026-11-30T08:00:02Z");
    f.teams = List.of("disputes", "credit");
    f.priority = 81;
    f.responseDueAt = Instant.parse("2026-11-30T12:00:00Z");
    f.resolutionDueAt = Instant.parse("2026-12-03T08:00:00Z");
    f.firstResponseAt = Instant.parse("2026-11-30T09:00:00Z");
    f.firstApprovalAt = Instant.parse("2026-11-30T10:00:00Z");
    f.approvalsApproved = 2;
    f.approvalsRejected = 1;
    f.resolvedAt = Instant.parse("2026-12-01T08:00:00Z");
    f.resolutions = 2;
    f.reopenings = 1;
    f.lastReopenedAt = Instant.parse("2026-11-30T20:00:00Z");
    f.firstContactResolution = true;
    f.rootCause = "PRICING_ERROR: zählt €";
    f.adjustments =
        List.of(
            new InquiryFacts.Adjustment("CREDIT_NOTE", new BigDecimal("-1234.56"), "EUR"),
            new InquiryFacts.Adjustment("WRITE_OFF", null, null));
    f.amount = new BigDecimal("98765432109876543210.0001");
    f.currency = "EUR";
    f.csatScore = 4;
    f.ratedAt = Instant.parse("2026-12-01T09:00:00Z");
    f.responseBreached = true;
    f.resolutionBreached = true;
    f.slaPausedAt = Instant.parse("2026-11-30T11:00:00Z");
    return f;
  }
}
