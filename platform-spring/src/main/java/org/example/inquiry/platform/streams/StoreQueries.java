package org.example.inquiry.platform.streams;

import java.time.Duration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every state-store query of a service goes through here: spring-kafka's {@link
 * KafkaStreamsInteractiveQueryService} finds the store (retrying briefly while Kafka Streams starts
 * or rebalances) and the instance that owns a key; a key another instance owns is fetched from that
 * instance's API ({@code application.server}) with the caller's token. One per service, auto-
 * configured wherever Kafka Streams runs.
 */
public class StoreQueries {

  /** How long a store lookup retries while Kafka Streams starts or rebalances. */
  static final RetryPolicy BRIEF =
      RetryPolicy.builder().maxRetries(3).delay(Duration.ofMillis(100)).build();

  private final KafkaStreamsInteractiveQueryService queries;
  private final StreamsBuilderFactoryBean streams;
  private final WebClient http;

  public StoreQueries(StreamsBuilderFactoryBean streams, WebClient.Builder http) {
    this.streams = streams;
    this.queries = new KafkaStreamsInteractiveQueryService(streams);
    this.queries.setRetryTemplate(new RetryTemplate(BRIEF));
    this.http = http.codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
  }

  /**
   * A key-value store of this service.
   *
   * @param description how an error names it ("The case store")
   */
  public <V> KeyValueView<V> keyValue(String store, String description) {
    return new KeyValueView<>(store, description, queries, streams, http);
  }
}
