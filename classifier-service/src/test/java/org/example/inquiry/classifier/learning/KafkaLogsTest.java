package org.example.inquiry.classifier.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaLogsTest {

  @Test
  void aTopicThatReachesTheMetadataAMomentLaterIsFound() {
    MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
    // as on a fresh cluster: the service's own topic, created as it started, is not known yet
    CompletableFuture.runAsync(
        () ->
            consumer.updatePartitions(
                "models", List.of(new PartitionInfo("models", 0, null, null, null))),
        CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));

    assertThat(KafkaLogs.partitionsOf(consumer, "models", Duration.ofSeconds(30)))
        .containsExactly(new TopicPartition("models", 0));
  }

  @Test
  void aTopicThatNeverAppearsHasNoPartitionsOnceTheWaitIsOver() {
    MockConsumer<String, Object> consumer = new MockConsumer<>("earliest");
    long start = System.nanoTime();

    assertThat(KafkaLogs.partitionsOf(consumer, "missing", Duration.ofMillis(700))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }
}
