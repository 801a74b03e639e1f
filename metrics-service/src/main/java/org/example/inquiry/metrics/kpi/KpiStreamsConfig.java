package org.example.inquiry.metrics.kpi;

import java.util.ArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the KPI topology into the application's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
// Here, not on the application class, so that web slice tests do not start Kafka Streams.
@EnableKafkaStreams
class KpiStreamsConfig {

  @Bean
  Object kpiTopology(StreamsBuilder builder, AvroSerdeSettings registry) {
    KpiTopology.build(builder, registry.<SpecificRecord>serde());
    return KpiTopology.FACTS_STORE;
  }

  @Bean
  StreamsInputTopics kpiInputs() {
    var topics = new ArrayList<>(KpiTopology.INPUTS.stream().map(TopicSpec::name).toList());
    topics.addAll(KpiTopology.DEAD_LETTER_TOPICS);
    return new StreamsInputTopics(topics);
  }
}
