package org.example.inquiry.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.CheckOutcome;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.KycStatus;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.registry.InMemorySchemaRegistryClient;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<InquiryReceived> serializer = new AvroSerializer<>(registry);
  private final AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry);

  AvroSerdeTest() {
    serializer.configure(Map.of(), false);
    deserializer.configure(Map.of(), false);
  }

  static InquiryReceived anInquiry() {
    return InquiryReceived.newBuilder()
        .setEventId("e-1")
        .setInquiryId("i-1")
        .setOccurredAt(Instant.parse("2026-11-25T10:15:30.123Z"))
        .setChannel(Channel.PORTAL)
        .setSubmittedBy("portal")
        .setLinkage("BY_ID")
        .setCustomerId("C-1001")
        .setContact(Contact.newBuilder().setName("Ana").setEmail("ana@acme.example").build())
        .setSubject("Invoice INV-1 wrong amount")
        .setBody("Please check invoice INV-1, we were billed 22,000.00 USD twice.")
        .setReferences(List.of(new Reference(ReferenceKind.INVOICE, "INV-1")))
        .setAmount(new Money(new BigDecimal("22000.0000"), "USD"))
        .setKycStatus(KycStatus.VERIFIED)
        .setSenderIsRegisteredContact(CheckOutcome.PASSED)
        .setReferencesBelongToCustomer(CheckOutcome.UNKNOWN)
        .build();
  }

  @Test
  void writesTheConfluentFramingAndReadsTheSameEventBack() {
    byte[] bytes = serializer.serialize("inquiries-received", anInquiry());

    assertThat(bytes[0]).isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registry.getById(id)).isEqualTo(InquiryReceived.getClassSchema());
    assertThat(registry.subjects()).containsExactly("inquiries-received-value");
    Object back = deserializer.deserialize("inquiries-received", bytes);
    assertThat(back).isInstanceOf(InquiryReceived.class).isEqualTo(anInquiry());
    assertThat(((InquiryReceived) back).getAmount().getAmount()).isEqualByComparingTo("22000");
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer.serialize("customers", null)).isNull();
    assertThat(deserializer.deserialize("customers", null)).isNull();
  }

  @Test
  void garbageIsRefusedWithAClearReason() {
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":true}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("magic byte 0x7b");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 99, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 99");
  }

  @Test
  void truncatedAvroBodyIsRefused() {
    byte[] bytes = serializer.serialize("inquiries-received", anInquiry());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 20);
    assertThatThrownBy(() -> deserializer.deserialize("inquiries-received", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot decode");
  }

  @Test
  void recordsOfUnknownTypesComeBackAsGenericRecords() {
    Schema foreign =
        SchemaBuilder.record("Foreign")
            .namespace("elsewhere")
            .fields()
            .requiredString("x")
            .endRecord();
    GenericRecord record = new GenericData.Record(foreign);
    record.put("x", "hello");
    AvroSerializer<GenericRecord> generic = new AvroSerializer<>(registry);
    generic.configure(Map.of(), false);

    Object back = deserializer.deserialize("foreign", generic.serialize("foreign", record));

    assertThat(back).isInstanceOf(GenericRecord.class);
    assertThat(((GenericRecord) back).get("x").toString()).isEqualTo("hello");
  }

  @Test
  void aNewerReaderClassReadsDataWrittenWithAnOlderSchema() throws Exception {
    // An older writer of InquiryReceived, before the optional region and segment fields existed.
    Schema current = InquiryReceived.getClassSchema();
    List<Schema.Field> older =
        current.getFields().stream()
            .filter(f -> !f.name().equals("region") && !f.name().equals("segment"))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    Schema v0 =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, older);
    GenericRecord old = asGeneric(anInquiry(), v0);
    AvroSerializer<GenericRecord> oldWriter = new AvroSerializer<>(registry);
    oldWriter.configure(Map.of(), false);

    InquiryReceived read =
        (InquiryReceived) deserializer.deserialize("old", oldWriter.serialize("old", old));

    assertThat(read.getRegion()).isNull();
    assertThat(read.getSubject()).isEqualTo(anInquiry().getSubject());
    assertThat(read.getAmount()).isEqualTo(anInquiry().getAmount());
  }

  /** Projects a generated record onto another schema through Avro's own schema resolution. */
  private static GenericRecord asGeneric(InquiryReceived source, Schema target) throws Exception {
    var out = new ByteArrayOutputStream();
    var encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<InquiryReceived>(InquiryReceived.class).write(source, encoder);
    encoder.flush();
    var decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
    return new GenericDatumReader<GenericRecord>(source.getSchema(), target).read(null, decoder);
  }
}
