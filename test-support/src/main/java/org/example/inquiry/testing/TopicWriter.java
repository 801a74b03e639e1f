package org.example.inquiry.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;

/**
 * Writes records to the embedded broker as an upstream producer would: Avro events in the Confluent
 * wire format (schemas registered with the in-process registry), or raw bytes for poison records.
 * Every send is acknowledged before it returns.
 */
public final class TopicWriter {

  private final KafkaTestEnvironment kafka;

  public TopicWriter(KafkaTestEnvironment kafka) {
    this.kafka = kafka;
  }

  /** One Avro event. */
  public void send(String topic, String key, SpecificRecord value) {
    send(List.of(new ProducerRecord<>(topic, key, value)));
  }

  /** Avro events, in order, acknowledged together. */
  public void send(List<ProducerRecord<String, SpecificRecord>> records) {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(config(), new StringSerializer(), serializer)) {
      List<Future<?>> sent = records.stream().<Future<?>>map(producer::send).toList();
      for (Future<?> ack : sent) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not write the records", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Bytes as they are, for records that are not what the topic's consumers expect. */
  public void sendRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not write to " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> config() {
    return Map.of(
        "bootstrap.servers",
        kafka.bootstrapServers(),
        "max.request.size",
        2_000_000,
        "acks",
        "all");
  }
}
