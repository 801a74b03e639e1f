package org.example.inquiry.platform.streams;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Readiness of the Kafka Streams instance: UP once it has been RUNNING (its stores queryable), and
 * through later rebalances; DOWN while waiting for input topics, during the first rebalance after
 * start, or when failed, with the state and what is missing.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean factoryBean;
  private final StreamsStarter starter;
  private volatile boolean hasRun;

  KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean, StreamsStarter starter) {
    this.factoryBean = factoryBean;
    this.starter = starter;
  }

  @Override
  public Health health() {
    KafkaStreams streams = factoryBean.getKafkaStreams();
    if (streams == null) {
      return Health.down()
          .withDetail("state", "NOT_STARTED")
          .withDetail("waitingForTopics", starter == null ? List.of() : starter.missing())
          .build();
    }
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      hasRun = true;
    }
    return (ready(state, hasRun) ? Health.up() : Health.down())
        .withDetail("state", state.name())
        .build();
  }

  /** Whether the Streams instance is in service now (what the readiness reports). */
  boolean running() {
    KafkaStreams streams = factoryBean.getKafkaStreams();
    if (streams == null) {
      return false;
    }
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      hasRun = true;
    }
    return ready(state, hasRun);
  }

  /**
   * A rebalance right after start means the stores are not queryable yet; a later one is routine
   * and should not take the instance out of service.
   */
  static boolean ready(KafkaStreams.State state, boolean hasRun) {
    return state == KafkaStreams.State.RUNNING
        || (state == KafkaStreams.State.REBALANCING && hasRun);
  }
}
