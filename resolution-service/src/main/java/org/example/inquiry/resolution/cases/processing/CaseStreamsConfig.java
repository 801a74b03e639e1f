package org.example.inquiry.resolution.cases.processing;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.ChangelogFeed;
import org.example.inquiry.platform.streams.CommandOutcomes;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.config.ResolutionProperties;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the case topology into the application's Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CaseStreamsConfig {

  @Bean
  CaseWorkflow caseWorkflow(ResolutionProperties properties) {
    return new CaseWorkflow(
        properties.fxToBase(),
        properties.slaWarnAt(),
        properties.posting().policy(),
        properties.messageIdDomain());
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
        properties.policyVersion(),
        CaseTopology.Indexing.of(CaseIndexVersion.of(workflow.watchSettings())),
        new LedgerChanges());
    return CaseTopology.CASES_STORE;
  }

  /** Callers of the command API wait here for their command's outcome. */
  @Bean
  CommandOutcomes<InquiryCase> caseOutcomes(ResolutionProperties properties) {
    return new CommandOutcomes<>(properties.commandTimeout());
  }

  /** Outcomes come from the cases changelog, whichever instance applied the command. */
  @Bean
  ChangelogFeed<InquiryCase> caseChangelogFeed(
      StreamsBuilderFactoryBean streams,
      KafkaProperties kafka,
      CommandOutcomes<InquiryCase> outcomes) {
    return new ChangelogFeed<>(
        streams,
        kafka.buildConsumerProperties(),
        CaseTopology.CASES_STORE,
        CaseJson.serde().deserializer(),
        outcomes);
  }

  @Bean
  StreamsInputTopics caseInputs() {
    return StreamsInputTopics.of(
        Topics.INQUIRIES_RECEIVED.name(),
        Topics.MESSAGE_DELIVERIES.name(),
        Topics.INQUIRIES_ROUTED.name(),
        Topics.INQUIRIES_FOLLOWED_UP.name(),
        Topics.INQUIRY_COMMANDS.name(),
        Topics.REQUESTS_REFUSED.name(),
        Topics.FINANCE_ACKNOWLEDGEMENTS.name(),
        Topics.CUSTOMERS.name(),
        Topics.CUSTOMER_FINANCIAL_PROFILES.name(),
        Topics.ATTACHMENT_CONTENTS.name());
  }
}
