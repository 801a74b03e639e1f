package org.example.inquiry.testing;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the shared embedded broker, the in-process registry and the local
 * token key, with a Kafka Streams state directory of its own (state dirs must be unique per test
 * run).
 */
public final class ServiceTestProperties {

  private ServiceTestProperties() {}

  /** For {@code @DynamicPropertySource}. */
  public static void register(DynamicPropertyRegistry registry) {
    KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
    registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    registry.add("spring.kafka.properties.schema.registry.url", kafka::registryUrl);
    registry.add("spring.kafka.streams.properties.schema.registry.url", kafka::registryUrl);
    registry.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/inquiry-it-" + UUID.randomUUID());
    registerTokens(registry);
  }

  /** Only the local token key, issuer and audience: for web slice tests, which need no broker. */
  public static void registerTokens(DynamicPropertyRegistry registry) {
    registry.add(
        "inquiry.security.token.public-key-location", () -> LocalJwt.get().publicKeyLocation());
    registry.add("inquiry.security.token.issuer", () -> LocalJwt.ISSUER);
    registry.add("inquiry.security.token.audience", () -> LocalJwt.AUDIENCE);
  }
}
