package org.example.inquiry.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.example.inquiry.schemas.serde.CheckedAvroDeserializer;

/**
 * The records no consumer can take, one of each kind, for a topic: garbage bytes, an unknown schema
 * id, a valid Avro record of another schema, a tombstone (on topics that are not compacted: on
 * compacted ones a tombstone is a deletion) and an oversize record. Each with a fragment of the
 * reason its dead letter must carry.
 */
public final class PoisonRecords {

  /** One poison record: its kind (also used in its key), value bytes, and the expected reason. */
  public record Poison(String kind, byte[] value, String reason) {}

  private PoisonRecords() {}

  public static List<Poison> forTopic(KafkaTestEnvironment kafka, TopicSpec topic) {
    List<Poison> poison = new ArrayList<>();
    poison.add(
        new Poison(
            "garbage",
            "this is not an event {\"at\": \"all\"}".getBytes(StandardCharsets.UTF_8),
            "magic byte"));
    byte[] unknownId = new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 2, 4, 6};
    poison.add(new Poison("unknown-schema-id", unknownId, "not found"));
    poison.add(new Poison("wrong-schema", wrongSchema(kafka), "Wrong schema on topic"));
    if (!topic.compacted()) {
      poison.add(new Poison("tombstone", null, "Tombstone"));
    }
    byte[] oversize = new byte[CheckedAvroDeserializer.MAX_EVENT_BYTES + 1024];
    Arrays.fill(oversize, (byte) 'x');
    oversize[0] = 0;
    poison.add(new Poison("oversize", oversize, "Oversize record"));
    return poison;
  }

  /**
   * A {@code Contact} (a record no topic carries) framed with a schema id the registry knows,
   * registered under a subject of its own since the topic's subject would refuse an incompatible
   * schema: it decodes, just not into what the topic carries.
   */
  private static byte[] wrongSchema(KafkaTestEnvironment kafka) {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
    return serializer.serialize("poison-wrong-schema", new Contact("Poison", "poison@example.org"));
  }
}
