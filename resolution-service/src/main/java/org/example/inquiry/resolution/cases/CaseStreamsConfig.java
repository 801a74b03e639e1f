package org.example.inquiry.resolution.cases;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.resolution.config.ResolutionProperties;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the case topology into the application's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class CaseStreamsConfig {

  @Bean
  CaseWorkflow caseWorkflow(ResolutionProperties properties) {
    return new CaseWorkflow(properties.fxToBase(), properties.slaWarnAt());
  }

  @Bean
  Object caseTopology(
      StreamsBuilder builder,
      CaseWorkflow workflow,
      ResolutionProperties properties,
      AvroSerdeSettings registry) {
    CaseTopology.build(
        builder,
        registry.<SpecificRecord>serde(),
        workflow,
        Clock.systemUTC(),
        properties.slaCheckInterval(),
        properties.policyVersion());
    return CaseTopology.CASES_STORE;
  }

  @Bean
  StreamsInputTopics caseInputs() {
    return StreamsInputTopics.of(
        Topics.INQUIRIES_ROUTED.name(),
        Topics.INQUIRIES_FOLLOWED_UP.name(),
        Topics.INQUIRY_COMMANDS.name(),
        Topics.REQUESTS_REFUSED.name(),
        Topics.CUSTOMERS.name());
  }
}
