package org.example.inquiry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.registry.HttpSchemaRegistryClient;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The serde through a real broker and the real (development) registry, for clients and Streams. */
class AvroSerdeRoundTripIT {

  private static EmbeddedKafkaKraftBroker broker;
  private static DevSchemaRegistry registry;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
    broker.afterPropertiesSet();
    registry =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString()));
  }

  @AfterAll
  static void stop() {
    registry.close();
    broker.destroy();
  }

  @Test
  void eventsRoundTripThroughBrokerAndRegistryWithOneSchemaIdPerSubject() {
    broker.addTopics(new NewTopic("roundtrip-received", 3, (short) 1));
    Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    List<InquiryReceived> sent = new ArrayList<>();
    AvroSerializer<InquiryReceived> serializer = new AvroSerializer<>();
    serializer.configure(serde, false);
    try (KafkaProducer<String, InquiryReceived> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.getBrokersAsString(), "enable.idempotence", true),
            new StringSerializer(),
            serializer)) {
      for (int i = 0; i < 20; i++) {
        InquiryReceived event = Inquiries.aReceivedInquiry("rt-" + i, new BigDecimal(i + ".25"));
        sent.add(event);
        producer.send(new ProducerRecord<>("roundtrip-received", event.getInquiryId(), event));
      }
    }
    AvroDeserializer<InquiryReceived> deserializer = new AvroDeserializer<>();
    deserializer.configure(serde, false);
    List<InquiryReceived> received = new ArrayList<>();
    try (KafkaConsumer<String, InquiryReceived> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", broker.getBrokersAsString(),
                "group.id", "roundtrip",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            deserializer)) {
      consumer.subscribe(List.of("roundtrip-received"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < sent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, InquiryReceived> record :
            consumer.poll(Duration.ofMillis(300))) {
          assertThat(record.key()).isEqualTo(record.value().getInquiryId());
          received.add(record.value());
        }
      }
    }

    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
    assertThat(client.subjects()).contains("roundtrip-received-value");
    assertThat(client.latest("roundtrip-received-value").version()).isEqualTo(1);
  }

  @Test
  void kafkaStreamsSerdeReadsAndWritesThroughTheRegistry() {
    Serde<InquiryReceived> serde = AvroSerdes.specific(registry.url());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("streams-in", Consumed.with(Serdes.String(), serde))
        .mapValues(
            event -> {
              event.setSubject(event.getSubject().toUpperCase());
              return event;
            })
        .to("streams-out", Produced.with(Serdes.String(), serde));
    Properties config = new Properties();
    config.put("application.id", "serde-it");
    config.put("bootstrap.servers", "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      var in =
          driver.createInputTopic("streams-in", Serdes.String().serializer(), serde.serializer());
      var out =
          driver.createOutputTopic(
              "streams-out", Serdes.String().deserializer(), serde.deserializer());
      in.pipeInput("s-1", Inquiries.aReceivedInquiry("s-1", BigDecimal.TEN));

      InquiryReceived result = out.readValue();

      assertThat(result.getSubject())
          .isEqualTo(Inquiries.aReceivedInquiry("s-1", BigDecimal.TEN).getSubject().toUpperCase());
      assertThat(result.getAmount().getAmount()).isEqualByComparingTo("10");
    }
    assertThat(new HttpSchemaRegistryClient(registry.url()).subjects())
        .contains("streams-in-value", "streams-out-value");
  }
}
