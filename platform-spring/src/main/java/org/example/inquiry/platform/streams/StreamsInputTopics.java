package org.example.inquiry.platform.streams;

import java.util.List;

/**
 * The topics a service's Kafka Streams topology reads. Declaring them makes the service start its
 * streams only once they all exist (their owners create them), instead of failing at start-up;
 * until then readiness reports what it is waiting for.
 */
public record StreamsInputTopics(List<String> names) {

  public static StreamsInputTopics of(String... names) {
    return new StreamsInputTopics(List.of(names));
  }
}
