package org.example.inquiry.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.example.inquiry.registry.DevSchemaRegistry;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.opentest4j.TestAbortedException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker and one in-process development schema registry per test JVM, started on first
 * use and stopped when the JVM exits. Topics are never auto-created, as in production.
 *
 * <p>The broker is chosen by one switch, the system property {@value #MODE_PROPERTY} (or the
 * environment variable {@code INQUIRY_TEST_KAFKA}):
 *
 * <ul>
 *   <li>{@code auto} (default): a Testcontainers {@code apache/kafka} broker where a Docker engine
 *       answers, else the embedded KRaft broker;
 *   <li>{@code testcontainers}: always the container; without a Docker engine every integration
 *       test ({@code *IT}) of a module using this class is skipped ({@link KafkaTestCondition});
 *   <li>{@code embedded}: always the embedded KRaft broker (spring-kafka-test), in this JVM.
 * </ul>
 *
 * The container image is {@value #DEFAULT_IMAGE} unless {@code -Dinquiry.test.kafka.image} names
 * another.
 */
public final class KafkaTestEnvironment {

  public static final String MODE_PROPERTY = "inquiry.test.kafka";
  public static final String IMAGE_PROPERTY = "inquiry.test.kafka.image";
  public static final String DEFAULT_IMAGE = "apache/kafka:4.1.2";

  /** Broker settings both kinds of broker get. */
  static final Map<String, String> BROKER_SETTINGS =
      Map.of(
          "auto.create.topics.enable", "false",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "offsets.topic.replication.factor", "1",
          "group.initial.rebalance.delay.ms", "0");

  /** Which broker the tests get. */
  public enum Mode {
    AUTO,
    TESTCONTAINERS,
    EMBEDDED;

    /** The configured mode. */
    public static Mode configured() {
      String value = System.getProperty(MODE_PROPERTY, System.getenv("INQUIRY_TEST_KAFKA"));
      if (value == null || value.isBlank()) {
        return AUTO;
      }
      try {
        return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            MODE_PROPERTY + " is one of auto, testcontainers, embedded; not '" + value + "'");
      }
    }

    /** Whether the tests run against a container: forced, or auto with a Docker engine. */
    public boolean usesContainer() {
      return this == TESTCONTAINERS || (this == AUTO && Docker.available());
    }
  }

  private static KafkaTestEnvironment instance;

  private final Broker broker;
  private final DevSchemaRegistry registry;

  private KafkaTestEnvironment() {
    Mode mode = Mode.configured();
    if (mode == Mode.TESTCONTAINERS && !Docker.available()) {
      // KafkaTestCondition skips the integration tests first; this is for any other caller.
      throw new TestAbortedException(
          MODE_PROPERTY + "=testcontainers, but no Docker engine answers");
    }
    broker = mode.usesContainer() ? new ContainerBroker() : new EmbeddedBroker();
    registry =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.bootstrapServers()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  broker.close();
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
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /** {@code embedded} or {@code testcontainers (apache/kafka:...)}. */
  public String describeBroker() {
    return broker.describe();
  }

  /**
   * The embedded broker.
   *
   * @throws IllegalStateException when the tests run against a container
   */
  public EmbeddedKafkaKraftBroker broker() {
    if (broker instanceof EmbeddedBroker embedded) {
      return embedded.broker;
    }
    throw new IllegalStateException("the tests run against " + broker.describe());
  }

  /**
   * Creates topics from catalogue specs, with their dead-letter topics (as their owners would),
   * ignoring those that exist already.
   */
  public void createTopics(TopicSpec... specs) {
    List<TopicSpec> all = new ArrayList<>();
    for (TopicSpec spec : specs) {
      all.add(spec);
      if (spec.valueType() != null && !spec.isDeadLetter()) {
        all.add(Topics.deadLetterOf(spec));
      }
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          all.stream()
              .filter(spec -> !existing.contains(spec.name()))
              .map(
                  spec ->
                      new NewTopic(spec.name(), spec.partitions(), (short) 1)
                          .configs(spec.config()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics " + all, e);
    }
  }

  /** A broker the tests use. */
  private interface Broker {
    String bootstrapServers();

    String describe();

    void close();
  }

  private static final class EmbeddedBroker implements Broker {
    final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);

    EmbeddedBroker() {
      broker.brokerProperties(BROKER_SETTINGS);
      broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
      return broker.getBrokersAsString();
    }

    @Override
    public String describe() {
      return "embedded";
    }

    @Override
    public void close() {
      broker.destroy();
    }
  }

  private static final class ContainerBroker implements Broker {
    final KafkaContainer container;

    ContainerBroker() {
      container = new KafkaContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
      BROKER_SETTINGS.forEach(
          (key, value) ->
              container.withEnv("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
      container.start();
    }

    @Override
    public String bootstrapServers() {
      return container.getBootstrapServers();
    }

    @Override
    public String describe() {
      return "testcontainers (" + container.getDockerImageName() + ")";
    }

    @Override
    public void close() {
      container.stop();
    }
  }

  /** Whether a Docker engine answers (asked once). */
  static final class Docker {
    private static Boolean available;

    private Docker() {}

    static synchronized boolean available() {
      if (available == null) {
        boolean answers;
        if (!anyHint()) {
          answers = false; // no socket, no DOCKER_HOST: spare Testcontainers' probing (seconds)
        } else {
          try {
            answers = DockerClientFactory.instance().isDockerAvailable();
          } catch (RuntimeException | LinkageError e) {
            answers = false;
          }
        }
        available = answers;
      }
      return available;
    }

    /** Something that may lead to a Docker engine: a socket, DOCKER_HOST, a Testcontainers file. */
    private static boolean anyHint() {
      String home = System.getProperty("user.home");
      return (System.getenv("DOCKER_HOST") != null && !System.getenv("DOCKER_HOST").isBlank())
          || Files.exists(Path.of("/var/run/docker.sock"))
          || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
          || Files.exists(Path.of(home, ".testcontainers.properties"));
    }
  }
}
