package org.example.inquiry.intake;

import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.intake.customers.CustomerDirectoryTopology;
import org.example.inquiry.intake.ledger.InvoiceOwnersTopology;
import org.example.inquiry.intake.registration.InquiryIndexTopology;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Intake's Kafka Streams views (global stores): the customer master, the invoice owners from the
 * ledger, and the inquiry index.
 */
@Configuration(proxyBeanMethods = false)
class IntakeStreamsConfig {

  @Bean
  Object intakeViews(StreamsBuilder builder, AvroSerdeSettings registry) {
    CustomerDirectoryTopology.build(builder, registry.serde());
    InvoiceOwnersTopology.build(builder, registry.serde());
    InquiryIndexTopology.build(builder, registry.serde(), registry.serde(), registry.serde());
    return "intake-views";
  }

  @Bean
  StreamsInputTopics intakeStreamsInputs() {
    return StreamsInputTopics.of(
        Topics.CUSTOMERS.name(),
        Topics.INQUIRIES_RECEIVED.name(),
        Topics.INQUIRIES_RESOLVED.name(),
        Topics.INQUIRIES_FOLLOWED_UP.name(),
        Topics.OPEN_ITEMS.name());
  }
}
