package org.example.inquiry.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * What the deployment needs to know about the platform beyond the topic catalogue: the five
 * services, the topics each one reads (its listeners, Kafka Streams sources and global tables), and
 * the consumer group whose lag scales it. What each service <em>writes</em> is the catalogue's
 * ownership; the reads are listed here and checked against the services' source code by the
 * manifest test ({@code KubernetesManifestsTest}).
 */
public final class Platform {

  /**
   * Name of the Strimzi {@code Kafka} cluster (its bootstrap service is {@code
   * <name>-kafka-bootstrap}).
   */
  public static final String KAFKA_CLUSTER = "inquiry-kafka";

  /** Port of the cluster's SASL_SSL (SCRAM-SHA-512 over TLS) listener. */
  public static final int KAFKA_SCRAM_PORT = 9094;

  /** Replicas of every topic; a write needs {@link #MIN_IN_SYNC} of them. */
  public static final int REPLICATION_FACTOR = 3;

  public static final int MIN_IN_SYNC = TopicSpec.minInSyncReplicas(REPLICATION_FACTOR);

  /** Kafka user of the channel adapters: they write {@code inquiries-submitted} for intake. */
  public static final String CHANNEL_ADAPTERS = "channel-adapters";

  /**
   * Kafka user of the downstream finance systems: they read {@code financial-effects-approved}
   * (consumer groups {@code finance-...}) and answer on {@code finance-acknowledgements}
   * (docs/FINANCE.md).
   */
  public static final String FINANCE_SYSTEMS = "finance-systems";

  /** Kafka user of the schema registry (Apicurio's kafkasql storage). */
  public static final String SCHEMA_REGISTRY = "schema-registry";

  /** Kafka user KEDA reads consumer-group lag with. */
  public static final String LAG_READER = "keda-lag-reader";

  /**
   * One service.
   *
   * @param name the Spring application name: Kafka user, consumer-group and transactional-id
   *     prefix, Deployment name
   * @param module the Maven module (directory) of the service
   * @param reads the catalogue topics it consumes
   * @param lagGroup the consumer group whose lag scales it
   * @param lagTopics the topics of that group the scaler watches (empty: all of the group's)
   * @param maxInstances how many instances the service supports at most, whatever its partitions
   *     ({@link Integer#MAX_VALUE}: as many as there are partitions)
   */
  public record Service(
      String name,
      String module,
      List<TopicSpec> reads,
      String lagGroup,
      List<TopicSpec> lagTopics,
      int maxInstances) {

    /** The data and state topics it owns (writes). */
    public List<TopicSpec> owns() {
      List<TopicSpec> owned = new ArrayList<>(Topics.ownedBy(name));
      owned.addAll(Topics.stateOwnedBy(name));
      return owned;
    }

    /** The dead-letter topics it may write: those of the data topics it reads. */
    public List<TopicSpec> deadLetters() {
      return reads.stream()
          .filter(t -> t.valueType() != null && !t.isDeadLetter())
          .map(Topics::deadLetterOf)
          .toList();
    }

    /**
     * Prefix of its own internal topics (Kafka Streams changelogs and repartition topics are named
     * {@code <application.id>-...}, and every application id starts with the service name).
     */
    public String internalTopicPrefix() {
      return name + "-";
    }

    /**
     * Instances the lag scaler may run: no more than the fewest partitions of the watched topics
     * (more would idle), nor than the service supports.
     */
    public int scalableInstances() {
      List<TopicSpec> watched = lagTopics.isEmpty() ? reads : lagTopics;
      int partitions = watched.stream().mapToInt(TopicSpec::partitions).min().orElse(1);
      return Math.min(partitions, maxInstances);
    }
  }

  public static final Service INTAKE =
      new Service(
          Topics.INTAKE,
          "intake-service",
          List.of(
              Topics.INQUIRIES_SUBMITTED,
              Topics.CUSTOMERS,
              Topics.INQUIRIES_RECEIVED,
              Topics.INQUIRIES_RESOLVED,
              Topics.INQUIRIES_FOLLOWED_UP,
              Topics.OPEN_ITEMS,
              Topics.OUTBOUND_MESSAGES),
          Topics.INTAKE,
          List.of(Topics.INQUIRIES_SUBMITTED),
          Integer.MAX_VALUE);

  public static final Service CLASSIFIER =
      new Service(
          Topics.CLASSIFIER,
          "classifier-service",
          List.of(
              Topics.INQUIRIES_RECEIVED,
              Topics.INQUIRIES_RESOLVED,
              Topics.INQUIRIES_WORKED,
              Topics.CLASSIFIER_LABELLED_EXAMPLES,
              Topics.CLASSIFIER_MODELS),
          Topics.CLASSIFIER,
          List.of(Topics.INQUIRIES_RECEIVED),
          Integer.MAX_VALUE);

  public static final Service ROUTER =
      new Service(
          Topics.ROUTER,
          "router-service",
          List.of(
              Topics.INQUIRIES_CLASSIFIED,
              Topics.REROUTES_REQUESTED,
              Topics.CUSTOMERS,
              Topics.INQUIRIES_ROUTED,
              Topics.INQUIRIES_RESOLVED,
              Topics.ROUTER_OPEN_LOAD,
              Topics.OPEN_ITEMS,
              Topics.FINANCIAL_EFFECTS_APPROVED,
              Topics.CUSTOMER_FINANCIAL_PROFILES),
          Topics.ROUTER,
          List.of(Topics.INQUIRIES_CLASSIFIED),
          Integer.MAX_VALUE);

  public static final Service RESOLUTION =
      new Service(
          Topics.RESOLUTION,
          "resolution-service",
          List.of(
              Topics.INQUIRIES_RECEIVED,
              Topics.INQUIRIES_ROUTED,
              Topics.INQUIRIES_FOLLOWED_UP,
              Topics.INQUIRY_COMMANDS,
              Topics.REQUESTS_REFUSED,
              Topics.FINANCE_ACKNOWLEDGEMENTS,
              Topics.OPEN_ITEMS,
              Topics.CUSTOMERS,
              Topics.CUSTOMER_FINANCIAL_PROFILES,
              Topics.CONTRACT_TERMS,
              Topics.MESSAGE_DELIVERIES,
              Topics.ATTACHMENT_CONTENTS),
          Topics.RESOLUTION,
          List.of(Topics.INQUIRIES_ROUTED, Topics.INQUIRY_COMMANDS),
          Integer.MAX_VALUE);

  /**
   * The KPI stages and every dead-letter topic (it counts dead letters per topic). Scales out: a
   * KPI query merges every instance's share (docs/ARCHITECTURE.md#kpis).
   */
  public static final Service METRICS =
      new Service(
          Topics.METRICS,
          "metrics-service",
          metricsReads(),
          Topics.METRICS,
          List.of(
              Topics.INQUIRIES_RECEIVED,
              Topics.INQUIRIES_CLASSIFIED,
              Topics.INQUIRIES_ROUTED,
              Topics.INQUIRIES_WORKED,
              Topics.INQUIRIES_APPROVED,
              Topics.INQUIRIES_RESOLVED),
          Integer.MAX_VALUE);

  public static final List<Service> SERVICES =
      List.of(INTAKE, CLASSIFIER, ROUTER, RESOLUTION, METRICS);

  private Platform() {}

  public static Optional<Service> service(String name) {
    return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static List<TopicSpec> metricsReads() {
    List<TopicSpec> reads = new ArrayList<>(Topics.INQUIRY_LIFECYCLE);
    Topics.all().stream().filter(TopicSpec::isDeadLetter).forEach(reads::add);
    return List.copyOf(reads);
  }
}
