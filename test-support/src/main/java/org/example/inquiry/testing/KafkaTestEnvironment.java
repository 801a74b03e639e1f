package org.example.inquiry.testing;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.example.inquiry.registry.DevSchemaRegistry;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft broker and one in-process development schema registry per test JVM, started on
 * first use and stopped when the JVM exits. Topics are never auto-created, as in production.
 */
public final class KafkaTestEnvironment {

  private static KafkaTestEnvironment instance;

  private final EmbeddedKafkaKraftBroker broker;
  private final DevSchemaRegistry registry;

  private KafkaTestEnvironment() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(
        Map.of(
            "auto.create.topics.enable", "false",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    registry =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  broker.destroy();
                }));
  }

  /** The shared environment, started on first call. */
  public static synchronized KafkaTestEnvironment get() {
    if (instance == null) {
      instance = new KafkaTestEnvironment();
    }
    return instance;
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  public String registryUrl() {
    return registry.url();
  }

  public EmbeddedKafkaKraftBroker broker() {
    return broker;
  }

  /**
   * Creates topics from catalogue specs, with their dead-letter topics (as their owners would),
   * ignoring those that exist already.
   */
  public void createTopics(TopicSpec... specs) {
    java.util.List<TopicSpec> all = new java.util.ArrayList<>();
    for (TopicSpec spec : specs) {
      all.add(spec);
      if (spec.valueType() != null && !spec.isDeadLetter()) {
        all.add(org.example.inquiry.schemas.catalog.Topics.deadLetterOf(spec));
      }
    }
    for (TopicSpec spec : all) {
      var existing =
          broker.doWithAdminFunction(
              admin -> {
                try {
                  return admin.listTopics().names().get();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      if (!existing.contains(spec.name())) {
        broker.addTopics(
            new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config()));
      }
    }
  }
}
