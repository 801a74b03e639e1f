package org.example.inquiry.platform.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Readiness of the Kafka Streams instance: UP while running or rebalancing, DOWN while waiting for
 * input topics, starting, or failed, with the state and what is missing.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final StreamsBuilderFactoryBean factoryBean;
  private final StreamsStarter starter;

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
          .withDetail("waitingForTopics", starter == null ? java.util.List.of() : starter.missing())
          .build();
    }
    KafkaStreams.State state = streams.state();
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    return (up ? Health.up() : Health.down()).withDetail("state", state.name()).build();
  }
}
