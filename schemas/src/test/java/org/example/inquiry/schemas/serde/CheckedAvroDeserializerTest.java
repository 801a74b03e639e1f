package org.example.inquiry.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.InquiryReceived;
import org.junit.jupiter.api.Test;

class CheckedAvroDeserializerTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<InquiryReceived> serializer = new AvroSerializer<>(registry);
  private final CheckedAvroDeserializer<Object> deserializer =
      new CheckedAvroDeserializer<>(registry);

  CheckedAvroDeserializerTest() {
    serializer.configure(Map.of(), false);
    deserializer.configure(Map.of(), false);
  }

  @Test
  void aRegistryOutageIsWaitedOutNotTreatedAsPoison() {
    byte[] bytes = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    registry.outage(3, -1); // unreachable three times (0.1 + 0.2 + 0.4 s of pauses)
    assertThat(deserializer.deserialize("inquiries-received", bytes))
        .isEqualTo(AvroSerdeTest.anInquiry());
    assertThat(registry.lookupsRefused()).isEqualTo(3);

    CheckedAvroDeserializer<Object> fresh = new CheckedAvroDeserializer<>(registry);
    fresh.configure(Map.of(), false);
    registry.outage(2, 503); // a 5xx (a registry still loading) is an outage too
    assertThat(fresh.deserialize("inquiries-received", bytes)).isEqualTo(AvroSerdeTest.anInquiry());
    assertThat(registry.lookupsRefused()).isEqualTo(5);
  }

  @Test
  void theSerializerWaitsOutAnOutageToo() {
    AvroSerializer<InquiryReceived> fresh =
        new AvroSerializer<>(new InMemorySchemaRegistryClient());
    fresh.configure(Map.of(), false);
    InMemorySchemaRegistryClient down = new InMemorySchemaRegistryClient();
    AvroSerializer<InquiryReceived> waiting = new AvroSerializer<>(down);
    waiting.configure(Map.of(), false);
    down.outage(2, 502);
    assertThat(waiting.serialize("inquiries-received", AvroSerdeTest.anInquiry()))
        .isEqualTo(fresh.serialize("inquiries-received", AvroSerdeTest.anInquiry()));
    assertThat(down.lookupsRefused()).isEqualTo(2);
  }

  @Test
  void anOutageLongerThanTheConfiguredWaitFailsWithTheReason() {
    byte[] bytes = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    CheckedAvroDeserializer<Object> impatient = new CheckedAvroDeserializer<>(registry);
    impatient.configure(Map.of(AvroSerdeConfig.REGISTRY_OUTAGE_WAIT_MS, "250"), false);
    registry.outage(Integer.MAX_VALUE, 503);
    assertThatThrownBy(() -> impatient.deserialize("inquiries-received", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("registry unavailable for");
    registry.outage(0, 0);
  }

  @Test
  void anIdTheRegistryDoesNotKnowIsPoisonAtOnce() {
    byte[] bytes = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    bytes[4] = 99; // schema id 99: never registered
    assertThatThrownBy(() -> deserializer.deserialize("inquiries-received", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot fetch writer schema id 99")
        .hasMessageNotContaining("unavailable");
    assertThat(registry.lookupsRefused()).isZero();
  }

  @Test
  void readsTheEventItsTopicCarries() {
    byte[] bytes = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    assertThat(deserializer.deserialize("inquiries-received", bytes))
        .isEqualTo(AvroSerdeTest.anInquiry());
  }

  @Test
  void anotherRecordsSchemaOnATopicIsRefused() {
    byte[] received = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    assertThatThrownBy(() -> deserializer.deserialize("inquiries-routed", received))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Wrong schema on topic inquiries-routed")
        .hasMessageContaining("org.example.inquiry.schemas.InquiryReceived")
        .hasMessageContaining("InquiryRouted");
  }

  @Test
  void aTombstoneIsPoisonOnAnEventTopicAndADeletionOnACompactedOne() {
    assertThatThrownBy(() -> deserializer.deserialize("inquiries-classified", null))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Tombstone");
    assertThat(deserializer.deserialize("customers", null)).isNull();
  }

  @Test
  void anOversizeRecordIsRefusedBeforeDecoding() {
    byte[] huge = new byte[CheckedAvroDeserializer.MAX_EVENT_BYTES + 1];
    Arrays.fill(huge, (byte) 'x');
    assertThatThrownBy(() -> deserializer.deserialize("inquiries-received", huge))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Oversize record: " + huge.length + " bytes");
  }

  @Test
  void topicsOutsideTheCatalogueAreReadAsTheyAre() {
    byte[] bytes = serializer.serialize("inquiries-received", AvroSerdeTest.anInquiry());
    assertThat(deserializer.deserialize("router-service-some-changelog", bytes))
        .isInstanceOf(InquiryReceived.class);
    assertThat(deserializer.deserialize("router-service-some-changelog", null)).isNull();
  }
}
