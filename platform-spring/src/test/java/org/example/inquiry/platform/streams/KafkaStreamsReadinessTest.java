package org.example.inquiry.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class KafkaStreamsReadinessTest {

  @Test
  void readyOnceRunningAndThroughLaterRebalancesOnly() {
    assertThat(KafkaStreamsHealthIndicator.ready(State.CREATED, false)).isFalse();
    assertThat(KafkaStreamsHealthIndicator.ready(State.REBALANCING, false))
        .as("the first rebalance: stores not queryable yet")
        .isFalse();
    assertThat(KafkaStreamsHealthIndicator.ready(State.RUNNING, false)).isTrue();
    assertThat(KafkaStreamsHealthIndicator.ready(State.REBALANCING, true)).isTrue();
    assertThat(KafkaStreamsHealthIndicator.ready(State.ERROR, true)).isFalse();
    assertThat(KafkaStreamsHealthIndicator.ready(State.PENDING_SHUTDOWN, true)).isFalse();
  }
}
