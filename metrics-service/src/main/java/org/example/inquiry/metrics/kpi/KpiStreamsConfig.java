package org.example.inquiry.metrics.kpi;

import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the KPI topologies into the application's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class KpiStreamsConfig {

  @Bean
  Object stageCountTopology(
      StreamsBuilder builder,
      @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl) {
    StageCountTopology.build(builder, AvroSerdes.specific(registryUrl));
    return StageCountTopology.STAGE_COUNTS;
  }

  @Bean
  StreamsInputTopics kpiInputs() {
    return new StreamsInputTopics(
        StageCountTopology.LIFECYCLE.stream()
            .map(org.example.inquiry.schemas.catalog.TopicSpec::name)
            .toList());
  }
}
