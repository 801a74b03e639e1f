package org.example.inquiry.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyDataTopicHasItsDeadLetterTopicWithTheSamePartitions() {
    for (TopicSpec topic : Topics.dataTopics()) {
      TopicSpec dlt = Topics.deadLetterOf(topic);
      assertThat(dlt.name()).isEqualTo(topic.name() + "-dlt");
      assertThat(dlt.partitions()).isEqualTo(topic.partitions());
      assertThat(dlt.valueType()).isNull();
      assertThat(dlt.isDeadLetter()).isTrue();
    }
  }

  @Test
  void catalogueCoversTheLifecycleTopicsAndTheCompactedCustomerMaster() {
    assertThat(Topics.all().stream().map(TopicSpec::name))
        .contains(
            "inquiries-received",
            "inquiries-classified",
            "inquiries-routed",
            "inquiries-approved",
            "inquiries-resolved",
            "customers",
            "inquiries-received-dlt",
            "customers-dlt");
    assertThat(Topics.CUSTOMERS.compacted()).isTrue();
    assertThat(Topics.CUSTOMERS.config()).containsEntry("cleanup.policy", "compact");
  }

  @Test
  void theEventLogIsKeptForeverReferenceDataIsCompactedAndDeadLettersExpire() {
    for (TopicSpec topic : Topics.dataTopics()) {
      if (topic.compacted()) {
        assertThat(topic.config()).as(topic.name()).containsEntry("cleanup.policy", "compact");
      } else {
        assertThat(topic.config())
            .as(topic.name())
            .containsEntry("cleanup.policy", "delete")
            .containsEntry("retention.ms", "-1")
            .containsEntry("retention.bytes", "-1");
      }
      TopicSpec dlt = Topics.deadLetterOf(topic);
      assertThat(dlt.config())
          .containsEntry("retention.ms", Long.toString(Duration.ofDays(28).toMillis()))
          .containsEntry("max.message.bytes", Integer.toString(TopicSpec.DEAD_LETTER_MAX_BYTES));
    }
  }

  @Test
  void withThreeReplicasAWriteNeedsTwoInSyncReplicasWithOneItNeedsOne() {
    for (TopicSpec topic : Topics.all()) {
      assertThat(topic.config()).doesNotContainKey("min.insync.replicas");
      assertThat(topic.config(3))
          .containsAllEntriesOf(topic.config())
          .containsEntry("min.insync.replicas", "2");
      assertThat(topic.config(1)).containsEntry("min.insync.replicas", "1");
    }
    assertThat(TopicSpec.minInSyncReplicas(2)).isEqualTo(1);
    assertThat(TopicSpec.minInSyncReplicas(5)).isEqualTo(2);
  }

  @Test
  void topicNamesAreKebabCaseAndEachDataTopicHasOneOwner() {
    for (TopicSpec topic : Topics.all()) {
      assertThat(topic.name()).matches("[a-z]+(-[a-z]+)*");
    }
    assertThat(Topics.ownedBy(Topics.RESOLUTION))
        .containsExactly(
            Topics.INQUIRIES_APPROVED,
            Topics.INQUIRIES_RESOLVED,
            Topics.INQUIRY_COMMANDS,
            Topics.INQUIRIES_WORKED,
            Topics.REQUESTS_REFUSED,
            Topics.OPEN_ITEMS,
            Topics.FINANCIAL_EFFECTS_APPROVED,
            Topics.FINANCE_ACKNOWLEDGEMENTS,
            Topics.CONTRACT_TERMS,
            Topics.OUTBOUND_MESSAGES,
            Topics.REROUTES_REQUESTED);
    assertThat(Topics.ownedBy(Topics.ROUTER))
        .containsExactly(Topics.INQUIRIES_ROUTED, Topics.CUSTOMER_FINANCIAL_PROFILES);
    assertThat(Topics.CUSTOMER_FINANCIAL_PROFILES.compacted()).isTrue();
    assertThat(Topics.CONTRACT_TERMS.compacted()).isTrue();
    assertThat(Topics.FINANCIAL_EFFECTS_APPROVED.keyType())
        .as("one customer's postings in order")
        .isEqualTo("customerId");
    assertThat(Topics.FINANCE_ACKNOWLEDGEMENTS.partitions())
        .as("co-partitioned with the case's other inputs")
        .isEqualTo(Topics.INQUIRY_COMMANDS.partitions());
    assertThat(Topics.ownedBy(Topics.INTAKE))
        .containsExactly(
            Topics.INQUIRIES_RECEIVED,
            Topics.INQUIRIES_SUBMITTED,
            Topics.INQUIRIES_FOLLOWED_UP,
            Topics.INQUIRIES_RATED,
            Topics.CUSTOMERS,
            Topics.MESSAGE_DELIVERIES,
            Topics.ATTACHMENT_CONTENTS);
    assertThat(Topics.ATTACHMENT_CONTENTS.compacted())
        .as("content-addressed parts: one copy of each file")
        .isTrue();
    assertThat(Topics.ownedBy(Topics.CLASSIFIER))
        .containsExactly(
            Topics.INQUIRIES_CLASSIFIED,
            Topics.CLASSIFIER_LABELLED_EXAMPLES,
            Topics.CLASSIFIER_MODELS);
    assertThat(Topics.CLASSIFIER_LABELLED_EXAMPLES.compacted()).isTrue();
  }

  @Test
  void valueSubjectFollowsTheTopicNameStrategy() {
    assertThat(Topics.INQUIRIES_ROUTED.valueSubject()).isEqualTo("inquiries-routed-value");
    assertThat(Topics.INQUIRIES_ROUTED.valueSchema().getName()).isEqualTo("InquiryRouted");
  }

  @Test
  void everyEventCarriesIdentityAndTimeFields() {
    List<TopicSpec> events =
        Topics.dataTopics().stream()
            .filter(t -> t.keyType().equals("inquiryId") && t.name().startsWith("inquiries-"))
            .toList();
    assertThat(events).hasSize(8);
    for (TopicSpec topic : events) {
      var schema = topic.valueSchema();
      assertThat(schema.getField("eventId")).as(schema.getName()).isNotNull();
      assertThat(schema.getField("inquiryId")).as(schema.getName()).isNotNull();
      assertThat(schema.getField("occurredAt").schema().getLogicalType().getName())
          .isEqualTo("timestamp-millis");
      assertThat(schema.getDoc()).as(schema.getName() + " doc").isNotBlank();
    }
  }
}
