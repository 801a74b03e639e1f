package org.example.inquiry.platform.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Readiness of the service's listener containers ({@code kafkaConsumers}: the {@code KafkaListener}
 * ones and those registered in {@link BackgroundConsumers}): DOWN as soon as one of them is not
 * consuming (stopped, or a consumer thread that died), with each container's state. The same state
 * is exported per container as the gauge {@code inquiry_consumer_running} (1 or 0, tag {@code
 * kind=listener}), which an alert rule watches.
 */
public final class ListenerContainersHealthIndicator implements HealthIndicator {

  /** Gauge of every background consumer (listener containers and Kafka Streams): 1 running. */
  public static final String RUNNING_GAUGE = "inquiry.consumer.running";

  private final KafkaListenerEndpointRegistry registry;
  private final BackgroundConsumers background;
  private final MeterRegistry meters;
  private final Set<String> measured = ConcurrentHashMap.newKeySet();

  public ListenerContainersHealthIndicator(
      KafkaListenerEndpointRegistry registry,
      BackgroundConsumers background,
      MeterRegistry meters) {
    this.registry = registry;
    this.background = background;
    this.meters = meters;
  }

  @Override
  public Health health() {
    registerGauges();
    boolean up = true;
    Health.Builder builder = Health.up();
    for (MessageListenerContainer container : registry.getListenerContainers()) {
      boolean running = running(container);
      up &= running;
      builder.withDetail(name(container), running ? "RUNNING" : "STOPPED");
    }
    for (var entry : background.containers().entrySet()) {
      boolean running = running(entry.getValue());
      up &= running;
      builder.withDetail(entry.getKey(), running ? "RUNNING" : "STOPPED");
    }
    return (up ? builder : builder.down()).build();
  }

  /** Registers a gauge per container (they exist only once the context has started). */
  public void registerGauges() {
    if (meters == null) {
      return;
    }
    for (MessageListenerContainer container : registry.getListenerContainers()) {
      String name = name(container);
      if (measured.add(name)) {
        Gauge.builder(
                RUNNING_GAUGE,
                registry,
                r -> {
                  MessageListenerContainer c = r.getListenerContainer(name);
                  return c != null && running(c) ? 1 : 0;
                })
            .description("1 while the background consumer runs, 0 when it stopped or died")
            .tag("consumer", name)
            .tag("kind", "listener")
            .register(meters);
      }
    }
    for (String name : background.containers().keySet()) {
      if (measured.add(name)) {
        Gauge.builder(
                RUNNING_GAUGE,
                background,
                b -> {
                  MessageListenerContainer c = b.get(name);
                  return c != null && running(c) ? 1 : 0;
                })
            .description("1 while the background consumer runs, 0 when it stopped or died")
            .tag("consumer", name)
            .tag("kind", "listener")
            .register(meters);
      }
    }
  }

  static boolean running(MessageListenerContainer container) {
    return container.isRunning() && container.isInExpectedState();
  }

  private static String name(MessageListenerContainer container) {
    String id = container.getListenerId();
    return id == null ? String.valueOf(container.getGroupId()) : id;
  }
}
