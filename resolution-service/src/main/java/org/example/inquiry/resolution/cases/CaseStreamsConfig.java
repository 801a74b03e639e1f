package org.example.inquiry.resolution.cases;

import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroSerdes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the case topology into the application's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class CaseStreamsConfig {

  @Bean
  Object caseTopology(
      StreamsBuilder builder,
      @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl) {
    CaseTopology.build(builder, AvroSerdes.specific(registryUrl));
    return CaseTopology.CASES_STORE;
  }

  @Bean
  StreamsInputTopics caseInputs() {
    return StreamsInputTopics.of(Topics.INQUIRIES_ROUTED.name());
  }
}
