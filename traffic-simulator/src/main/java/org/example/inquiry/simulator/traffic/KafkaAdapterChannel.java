package org.example.inquiry.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.InquirySubmitted;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;
import org.example.inquiry.schemas.ReferenceKind;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;

/**
 * The channel-adapter path: publishes {@code InquirySubmitted} (the project's own Avro serde,
 * Confluent wire format) to {@code inquiries-submitted}, keyed by submission id, as a CRM adapter
 * would. The adapter gets no answer; the inquiry id is the name-based UUID intake derives from the
 * adapter's namespace and the submission id.
 */
public final class KafkaAdapterChannel implements AutoCloseable {

  /** The adapter name recorded as submittedBy. */
  public static final String ADAPTER = "simulated-crm";

  private final KafkaProducer<String, InquirySubmitted> producer;

  public KafkaAdapterChannel(String bootstrapServers, String registryUrl) {
    AvroSerializer<InquirySubmitted> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.CLIENT_ID_CONFIG,
                "traffic-simulator",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                20_000),
            new StringSerializer(),
            serializer);
  }

  /** Fails when the broker or the topic cannot be reached within the producer's block time. */
  public void checkReachable() {
    producer.partitionsFor(Topics.INQUIRIES_SUBMITTED.name());
  }

  /**
   * Publishes the inquiry and waits for the broker's acknowledgement; returns the inquiry id intake
   * will register it under.
   */
  public String submit(GeneratedInquiry inquiry)
      throws InterruptedException, ExecutionException, TimeoutException {
    InquirySubmitted event = toEvent(inquiry, Instant.now());
    producer
        .send(
            new ProducerRecord<>(Topics.INQUIRIES_SUBMITTED.name(), event.getSubmissionId(), event))
        .get(30, TimeUnit.SECONDS);
    return inquiryIdFor(event.getSubmissionId());
  }

  /** The id intake derives for an adapter submission (namespace {@code adapter:<name>}). */
  public static String inquiryIdFor(String submissionId) {
    return UUID.nameUUIDFromBytes(
            ("inquiry:adapter:" + ADAPTER + ":" + submissionId.trim())
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The adapter event for a generated inquiry (also used by the benchmark). */
  public static InquirySubmitted toEvent(GeneratedInquiry inquiry, Instant now) {
    List<Reference> references =
        inquiry.references().stream()
            .map(r -> new Reference(ReferenceKind.valueOf(r.kind()), r.value()))
            .toList();
    return InquirySubmitted.newBuilder()
        .setSubmissionId(inquiry.key())
        .setOccurredAt(now)
        .setAdapter(ADAPTER)
        .setChannel(org.example.inquiry.schemas.Channel.ADAPTER)
        .setCustomerId(inquiry.customerId())
        .setContact(new Contact(inquiry.contactName(), inquiry.contactEmail()))
        .setSubject(inquiry.subject())
        .setBody(inquiry.body())
        .setReferences(references)
        .setAmount(
            inquiry.amount() == null
                ? null
                : new Money(scale4(inquiry.amount()), inquiry.currency()))
        .setAttachments(List.of())
        .build();
  }

  private static BigDecimal scale4(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.UNNECESSARY);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
