package org.example.inquiry.intake;

import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.example.inquiry.intake.customers.CustomerDirectoryTopology;
import org.example.inquiry.intake.ledger.InvoiceOwnersTopology;
import org.example.inquiry.intake.registration.InquiryIndexTopology;
import org.example.inquiry.platform.kafka.AvroSerdeSettings;
import org.example.inquiry.platform.streams.CommandOutcomes;
import org.example.inquiry.platform.streams.StreamsInputTopics;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Intake's Kafka Streams views (global stores): the customer master, the invoice owners from the
 * ledger, and the inquiry index.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class IntakeStreamsConfig {

  /** Registrations and KYC verifications wait here until the customer master view shows them. */
  @Bean
  CommandOutcomes<Customer> customerOutcomes() {
    return new CommandOutcomes<>(Duration.ofSeconds(15));
  }

  @Bean
  Object intakeViews(
      StreamsBuilder builder,
      CommandOutcomes<Customer> customerOutcomes,
      AvroSerdeSettings registry) {
    CustomerDirectoryTopology.build(builder, registry.serde(), customerOutcomes::materialised);
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
