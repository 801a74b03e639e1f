package org.example.inquiry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's state in a compacted single-partition Kafka topic ({@code _schemas}, as
 * Confluent's registry does), so ids survive restarts and every registry on the cluster agrees.
 * Writes are serialized and read back before they are acknowledged; reads catch up with the log
 * when they meet something unknown.
 */
final class KafkaSchemaLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final SchemaStore store;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final TopicPartition partition;

  KafkaSchemaLog(
      String bootstrapServers, String topic, short replicationFactor, SchemaStore store) {
    this(bootstrapServers, Map.of(), topic, replicationFactor, store);
  }

  /**
   * @param clientProperties Kafka client settings for the registry's own connection (e.g. {@code
   *     security.protocol}, {@code sasl.*}, {@code ssl.*}), applied to its admin, producer and
   *     consumer
   */
  KafkaSchemaLog(
      String bootstrapServers,
      Map<String, ?> clientProperties,
      String topic,
      short replicationFactor,
      SchemaStore store) {
    this.topic = topic;
    this.store = store;
    this.partition = new TopicPartition(topic, 0);
    ensureTopic(bootstrapServers, clientProperties, topic, replicationFactor);
    Properties producerProps = new Properties();
    producerProps.putAll(clientProperties);
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "dev-registry-writer");
    this.producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    Properties consumerProps = new Properties();
    consumerProps.putAll(clientProperties);
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "dev-registry-reader");
    this.consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    catchUp();
  }

  private static void ensureTopic(
      String bootstrapServers,
      Map<String, ?> clientProperties,
      String topic,
      short replicationFactor) {
    Map<String, Object> adminProps = new HashMap<>(clientProperties);
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(adminProps)) {
      NewTopic newTopic =
          new NewTopic(topic, 1, replicationFactor)
              .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      log.info("Created schema topic {}", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "Cannot create schema topic " + topic + ": " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted creating " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT, e);
    }
  }

  /** Reads the log up to its current end into the store. */
  synchronized void catchUp() {
    long end = consumer.endOffsets(Set.of(partition), TIMEOUT).get(partition);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (consumer.position(partition, TIMEOUT) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Could not read " + topic + " to its end in " + TIMEOUT);
      }
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        applyRecord(record);
      }
    }
  }

  /** Registers under the log's lock, so concurrent registrations get distinct ids and versions. */
  synchronized SchemaStore.Version register(String subject, String schemaText) {
    catchUp();
    SchemaStore.Registration registration = store.register(subject, schemaText);
    if (registration.isNew()) {
      SchemaStore.Version v = registration.version();
      ObjectNode key =
          JSON.createObjectNode()
              .put("keytype", "SCHEMA")
              .put("subject", v.subject())
              .put("version", v.version())
              .put("magic", 1);
      ObjectNode value =
          JSON.createObjectNode()
              .put("subject", v.subject())
              .put("version", v.version())
              .put("id", v.id())
              .put("schemaType", "AVRO")
              .put("schema", v.schema())
              .put("deleted", false);
      write(key.toString(), value.toString());
      catchUp();
    }
    return registration.version();
  }

  synchronized void setLevel(String subject, CompatibilityLevel level) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    ObjectNode value = JSON.createObjectNode().put("compatibilityLevel", level.name());
    write(key.toString(), value.toString());
    catchUp();
  }

  /** Looks a schema id up, catching up with the log once if another registry wrote it. */
  Optional<String> schemaById(int id) {
    Optional<String> schema = store.schemaById(id);
    if (schema.isEmpty()) {
      catchUp();
      schema = store.schemaById(id);
    }
    return schema;
  }

  private void write(String key, String value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, 0, key, value))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not write to " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted writing to " + topic, e);
    }
  }

  private void applyRecord(ConsumerRecord<String, String> record) {
    try {
      JsonNode key = JSON.readTree(record.key());
      JsonNode value = record.value() == null ? null : JSON.readTree(record.value());
      switch (key.path("keytype").asText()) {
        case "SCHEMA" -> {
          if (value != null && !value.path("deleted").asBoolean(false)) {
            store.apply(
                new SchemaStore.Version(
                    value.path("subject").asText(),
                    value.path("version").asInt(),
                    value.path("id").asInt(),
                    value.path("schema").asText()));
          }
        }
        case "CONFIG" -> {
          String subject = key.path("subject").isTextual() ? key.path("subject").asText() : null;
          CompatibilityLevel level =
              value == null
                  ? null
                  : CompatibilityLevel.parse(value.path("compatibilityLevel").asText());
          store.applyConfig(subject, level);
        }
        default ->
            log.debug("Ignoring {} record at offset {}", key.path("keytype"), record.offset());
      }
    } catch (IOException | RuntimeException e) {
      // A foreign or damaged record must not stop the registry from starting; say where it is.
      log.warn("Skipping unreadable record at {}-{}: {}", topic, record.offset(), e.toString());
    }
  }

  @Override
  public synchronized void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close(Duration.ofSeconds(5));
  }
}
