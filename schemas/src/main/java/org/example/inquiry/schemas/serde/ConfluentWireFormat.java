package org.example.inquiry.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent framing: magic byte 0, the schema id as 4-byte big-endian int, then Avro binary.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** Reads the schema id from a framed payload, checking the framing. */
  public static int schemaId(String topic, byte[] data) {
    if (data.length < HEADER_LENGTH) {
      throw new SerializationException(
          "Record on topic "
              + topic
              + " is "
              + data.length
              + " bytes, too short for the Confluent Avro framing (magic byte + 4-byte schema id)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "Unknown magic byte 0x%02x on topic %s: not a Confluent-format Avro record",
              data[0], topic));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
