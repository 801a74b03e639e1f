package org.example.inquiry.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
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
