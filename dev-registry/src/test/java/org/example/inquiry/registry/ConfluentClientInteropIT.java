package org.example.inquiry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Proves wire compatibility with a third-party Confluent-format client: kafkajs 2.2.4 with
 * {@code @kafkajs/confluent-schema-registry} 3.9.0 decodes events our serde wrote through the
 * development registry, and our serde decodes an event that client encoded. Installs the npm
 * packages itself (npm ci from the committed lock file).
 */
class ConfluentClientInteropIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_SOURCES = Path.of("src/test/node/confluent-interop");
  private static final Path NODE_WORK = Path.of("target/confluent-interop");

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
    if (registry != null) {
      registry.close();
    }
    broker.destroy();
  }

  @Test
  void kafkajsDecodesOurEventsAndWeDecodeTheEventItPublished() throws Exception {
    assumeTrue(commandWorks("node", "--version"), "node is not installed");
    String in = Topics.INQUIRIES_RECEIVED.name();
    String out = "interop-from-node";
    broker.addTopics(new NewTopic(in, 2, (short) 1), new NewTopic(out, 1, (short) 1));
    Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    List<InquiryReceived> sent = new ArrayList<>();
    try (KafkaProducer<String, InquiryReceived> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.getBrokersAsString(), "acks", "all"),
            new StringSerializer(),
            serializer(serdeConfig))) {
      for (int i = 1; i <= 3; i++) {
        InquiryReceived event =
            Inquiries.aReceivedInquiry("inquiry-" + i, new BigDecimal("22000.50"));
        sent.add(event);
        producer.send(new ProducerRecord<>(in, event.getInquiryId(), event)).get();
      }
    }

    JsonNode result = runNodeClient(in, out, sent.size());

    JsonNode decoded = result.path("decoded");
    assertThat(decoded).hasSize(3);
    for (JsonNode record : decoded) {
      JsonNode value = record.path("value");
      assertThat(record.path("key").asText()).isEqualTo(value.path("inquiryId").asText());
      assertThat(value.path("subject").asText()).isEqualTo(sent.get(0).getSubject());
      assertThat(value.path("channel").asText()).isEqualTo("EMAIL");
      assertThat(value.path("amount").path("currency").asText()).isEqualTo("USD");
      assertThat(value.path("occurredAt").asLong())
          .isEqualTo(sent.get(0).getOccurredAt().toEpochMilli());
      assertThat(value.path("references").get(0).path("value").asText())
          .isEqualTo("INV-2026-000123");
    }
    assertThat(decoded.findValuesAsText("inquiryId"))
        .containsExactlyInAnyOrder("inquiry-1", "inquiry-2", "inquiry-3");

    InquiryReceived fromNode = readOne(out, serdeConfig);
    assertThat(fromNode.getInquiryId()).isEqualTo("node-inquiry-1");
    assertThat(fromNode.getSubmittedBy()).isEqualTo("crm-adapter");
    assertThat(fromNode.getAmount().getAmount()).isEqualByComparingTo("1234.5");
    assertThat(fromNode.getAmount().getCurrency()).isEqualTo("EUR");
    assertThat(fromNode.getOccurredAt().toString()).isEqualTo("2026-11-25T09:30:00Z");
  }

  private static AvroSerializer<InquiryReceived> serializer(Map<String, Object> config) {
    AvroSerializer<InquiryReceived> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private InquiryReceived readOne(String topic, Map<String, Object> serdeConfig) {
    AvroDeserializer<InquiryReceived> deserializer = new AvroDeserializer<>();
    deserializer.configure(serdeConfig, false);
    try (KafkaConsumer<String, InquiryReceived> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", broker.getBrokersAsString(),
                "group.id", "interop-reader",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            deserializer)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, InquiryReceived> record :
            consumer.poll(Duration.ofMillis(500))) {
          return record.value();
        }
      }
    }
    throw new AssertionError("no record from the node client on " + topic);
  }

  private JsonNode runNodeClient(String in, String out, int expected) throws Exception {
    Files.createDirectories(NODE_WORK);
    for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
      Files.copy(
          NODE_SOURCES.resolve(file), NODE_WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(NODE_WORK.resolve("node_modules/kafkajs"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), 300);
    }
    String stdout =
        run(
            List.of("node", "interop.mjs"),
            Map.of(
                "BOOTSTRAP",
                broker.getBrokersAsString(),
                "REGISTRY_URL",
                registry.url(),
                "IN_TOPIC",
                in,
                "OUT_TOPIC",
                out,
                "SUBJECT",
                in + "-value",
                "EXPECTED",
                Integer.toString(expected)),
            120);
    return JSON.readTree(stdout.lines().reduce((a, b) -> b).orElse("{}"));
  }

  private static String run(List<String> command, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("interop", ".log");
    Path output = Files.createTempFile("interop", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(NODE_WORK.toFile())
            .redirectError(log.toFile())
            .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " timed out; stderr:\n" + Files.readString(log));
    }
    String stdout = Files.readString(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          command
              + " exited "
              + process.exitValue()
              + "\nstderr:\n"
              + Files.readString(log)
              + "\nstdout:\n"
              + stdout);
    }
    return stdout;
  }

  private static boolean commandWorks(String... command) {
    try {
      return new ProcessBuilder(command).start().waitFor(20, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
