package org.example.inquiry.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Listener containers a service builds itself (outside {@code @KafkaListener}), such as a watcher
 * that follows a topic for the service's whole life. Registered here, they count for readiness
 * ({@code kafkaConsumers}) and the {@code inquiry_consumer_running} gauge like the annotated ones.
 */
public final class BackgroundConsumers {

  private final Map<String, MessageListenerContainer> containers = new ConcurrentHashMap<>();

  /** Watches the container under the name; a later one of the same name replaces it. */
  public void watch(String name, MessageListenerContainer container) {
    containers.put(name, container);
  }

  /** Stops watching (a container closed on purpose). */
  public void forget(String name) {
    containers.remove(name);
  }

  /** The watched containers by name. */
  public Map<String, MessageListenerContainer> containers() {
    return Map.copyOf(containers);
  }

  MessageListenerContainer get(String name) {
    return containers.get(name);
  }
}
