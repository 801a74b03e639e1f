package org.example.inquiry.metrics.kpi;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Re-keys each event by the topic it came from, keeping the inquiry id as the value. */
final class TopicTagger implements Processor<String, SpecificRecord, String, String> {

  private ProcessorContext<String, String> context;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown-unknown");
    context.forward(record.withKey(topic).withValue(record.key()));
  }
}
