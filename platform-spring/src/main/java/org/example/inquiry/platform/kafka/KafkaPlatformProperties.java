package org.example.inquiry.platform.kafka;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings shared by every service ({@code inquiry.kafka.*}).
 *
 * @param replicationFactor replication factor of the topics the service creates
 * @param declareTopics whether the service creates the topics it owns at start-up
 * @param retryAttempts how often a failing record is retried before it goes to its dead-letter
 *     topic
 * @param retryInitialInterval first back-off between retries, doubling up to {@code
 *     retryMaxInterval}
 * @param retryMaxInterval longest back-off between retries
 */
@Validated
@ConfigurationProperties("inquiry.kafka")
public record KafkaPlatformProperties(
    @Min(1) Integer replicationFactor,
    Boolean declareTopics,
    @Min(0) Integer retryAttempts,
    Duration retryInitialInterval,
    Duration retryMaxInterval) {

  public KafkaPlatformProperties {
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    declareTopics = declareTopics == null || declareTopics;
    retryAttempts = retryAttempts == null ? 3 : retryAttempts;
    retryInitialInterval =
        retryInitialInterval == null ? Duration.ofMillis(200) : retryInitialInterval;
    retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(2) : retryMaxInterval;
  }
}
