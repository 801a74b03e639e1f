package org.example.inquiry.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.example.inquiry.schemas.InquirySubmitted;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.example.inquiry.simulator.traffic.ChannelMix;
import org.example.inquiry.simulator.traffic.GeneratedInquiry;
import org.example.inquiry.simulator.traffic.InquiryGenerator;
import org.example.inquiry.simulator.traffic.KafkaAdapterChannel;
import org.example.inquiry.simulator.traffic.SampleData;

/**
 * The records of a run, serialized once: realistic {@code InquirySubmitted} events (the traffic
 * simulator's generator: customers of the sample master, their invoices, varied wording) in the
 * Confluent wire format, keyed by submission id. The texts are those of every channel (portal
 * one-liners, emails with signatures, adapter payloads), carried by the adapter event. The pipeline
 * and the relay chain get the very same bytes.
 */
final class Workload {

  /** One record: its key on the source topic, its key at the sink, and its value. */
  record Item(String sourceKey, String pipelineSinkKey, byte[] value) {}

  private final List<Item> items;

  private Workload(List<Item> items) {
    this.items = items;
  }

  static Workload generate(Path data, String registryUrl, String runId, long seed, int count) {
    InquiryGenerator generator =
        new InquiryGenerator(
            SampleData.load(data), ChannelMix.DEFAULT, seed, "bench-" + runId, 0.05, 0);
    AvroSerializer<InquirySubmitted> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    List<Item> items = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      GeneratedInquiry inquiry = generator.generate(i);
      InquirySubmitted event = KafkaAdapterChannel.toEvent(inquiry, now);
      byte[] value = serializer.serialize(Topics.INQUIRIES_SUBMITTED.name(), event);
      String key = event.getSubmissionId();
      items.add(new Item(key, KafkaAdapterChannel.inquiryIdFor(key), value));
    }
    serializer.close();
    return new Workload(items);
  }

  /** Items {@code from} (inclusive) to {@code to} (exclusive). */
  List<Item> slice(int from, int to) {
    return items.subList(from, to);
  }

  int size() {
    return items.size();
  }

  double meanValueBytes() {
    return items.stream().mapToInt(i -> i.value().length).average().orElse(0);
  }
}
