package org.example.inquiry.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * The Strimzi {@code KafkaTopic} and {@code KafkaUser} resources of the platform, generated from
 * the topic catalogue ({@link Topics}) and the services' reads ({@link Platform}): every topic with
 * its partitions, three replicas, {@code min.insync.replicas} 2, retention and compaction; every
 * service a SCRAM-SHA-512 user that may write exactly the topics it owns (plus the dead letters of
 * what it reads and its own internal topics) and read what it consumes.
 */
public final class KafkaManifests {

  static final String API_VERSION = "kafka.strimzi.io/v1";
  static final String GENERATED =
      "# Generated from the topic catalogue (schemas/.../catalog/Topics.java) and deploy-check's\n"
          + "# Platform.java; do not edit. Regenerate: ./mvnw -B -pl deploy-check -am test"
          + " -Dtest=GeneratedManifestsTest\n# -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.write=true\n";

  private KafkaManifests() {}

  /** One {@code KafkaTopic} per catalogue topic, data topics first, then dead letters, state. */
  public static List<Map<String, Object>> topics() {
    List<Map<String, Object>> topics = new ArrayList<>();
    for (TopicSpec spec : Topics.all()) {
      Map<String, Object> config = new LinkedHashMap<>();
      spec.config(Platform.REPLICATION_FACTOR).forEach(config::put);
      Map<String, Object> spec0 = new LinkedHashMap<>();
      spec0.put("partitions", spec.partitions());
      spec0.put("replicas", Platform.REPLICATION_FACTOR);
      spec0.put("config", config);
      topics.add(resource("KafkaTopic", spec.name(), ownerLabels(spec), spec0));
    }
    return topics;
  }

  /**
   * The users: one per service, the channel adapters, the finance systems, the schema registry,
   * KEDA's lag reader.
   */
  public static List<Map<String, Object>> users() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (Platform.Service service : Platform.SERVICES) {
      users.add(user(service.name(), serviceAcls(service)));
    }
    users.add(user(Platform.CHANNEL_ADAPTERS, channelAdapterAcls()));
    users.add(user(Platform.FINANCE_SYSTEMS, financeSystemAcls()));
    users.add(user(Platform.SCHEMA_REGISTRY, registryAcls()));
    users.add(user(Platform.LAG_READER, lagReaderAcls()));
    return users;
  }

  static List<Map<String, Object>> serviceAcls(Platform.Service service) {
    List<Map<String, Object>> acls = new ArrayList<>();
    Set<String> reads = new LinkedHashSet<>();
    service.reads().forEach(t -> reads.add(t.name()));
    Set<String> owned = new LinkedHashSet<>();
    service.owns().forEach(t -> owned.add(t.name()));
    for (String topic : owned) {
      acls.add(
          acl(
              "topic",
              topic,
              "literal",
              reads.contains(topic)
                  ? List.of("Read", "Write", "Describe")
                  : List.of("Write", "Describe")));
    }
    for (String topic : reads) {
      if (!owned.contains(topic)) {
        acls.add(acl("topic", topic, "literal", List.of("Read", "Describe")));
      }
    }
    for (TopicSpec dlt : service.deadLetters()) {
      if (!reads.contains(dlt.name())) {
        acls.add(acl("topic", dlt.name(), "literal", List.of("Write", "Describe")));
      } else {
        // metrics-service reads every dead-letter topic and writes those of its inputs
        acls.removeIf(a -> dlt.name().equals(resourceName(a)));
        acls.add(acl("topic", dlt.name(), "literal", List.of("Read", "Write", "Describe")));
      }
    }
    // Kafka Streams changelog and repartition topics: <application.id>-..., created at start.
    acls.add(
        acl(
            "topic",
            service.internalTopicPrefix(),
            "prefix",
            List.of("Read", "Write", "Create", "Delete", "Describe", "DescribeConfigs")));
    // The listener's group (the service name) and the Streams applications' (<name>-...).
    acls.add(acl("group", service.name(), "prefix", List.of("Read", "Describe")));
    // Exactly-once: producers' transactional ids are <service>-<instance>-..., Streams'
    // <application.id>-<process>-<thread>.
    acls.add(
        acl(
            "transactionalId",
            service.internalTopicPrefix(),
            "prefix",
            List.of("Write", "Describe")));
    return acls;
  }

  /**
   * Channel adapters submit inquiries, read the answers of their channel and report what became of
   * each (groups {@code channel-}).
   */
  static List<Map<String, Object>> channelAdapterAcls() {
    return List.of(
        acl("topic", Topics.INQUIRIES_SUBMITTED.name(), "literal", List.of("Write", "Describe")),
        acl("topic", Topics.OUTBOUND_MESSAGES.name(), "literal", List.of("Read", "Describe")),
        acl("group", "channel-", "prefix", List.of("Read", "Describe")),
        acl("topic", Topics.MESSAGE_DELIVERIES.name(), "literal", List.of("Write", "Describe")));
  }

  static List<Map<String, Object>> financeSystemAcls() {
    return List.of(
        acl(
            "topic",
            Topics.FINANCIAL_EFFECTS_APPROVED.name(),
            "literal",
            List.of("Read", "Describe")),
        acl("group", "finance-", "prefix", List.of("Read", "Describe")),
        acl(
            "topic",
            Topics.FINANCE_ACKNOWLEDGEMENTS.name(),
            "literal",
            List.of("Write", "Describe")));
  }

  static List<Map<String, Object>> registryAcls() {
    // Apicurio Registry's kafkasql storage: its journal and snapshot topics, its consumer groups.
    return List.of(
        acl(
            "topic",
            "kafkasql-",
            "prefix",
            List.of("Read", "Write", "Create", "Describe", "DescribeConfigs")),
        acl("group", "apicurio-", "prefix", List.of("Read", "Describe")),
        acl("transactionalId", "apicurio-", "prefix", List.of("Write", "Describe")));
  }

  static List<Map<String, Object>> lagReaderAcls() {
    List<Map<String, Object>> acls = new ArrayList<>();
    acls.add(acl("topic", "*", "literal", List.of("Describe")));
    for (Platform.Service service : Platform.SERVICES) {
      acls.add(acl("group", service.lagGroup(), "literal", List.of("Describe")));
    }
    return acls;
  }

  private static Map<String, Object> user(String name, List<Map<String, Object>> acls) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("authentication", Map.of("type", "scram-sha-512"));
    Map<String, Object> authorization = new LinkedHashMap<>();
    authorization.put("type", "simple");
    authorization.put("acls", acls);
    spec.put("authorization", authorization);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("strimzi.io/cluster", Platform.KAFKA_CLUSTER);
    labels.put("app.kubernetes.io/part-of", "inquiry-platform");
    return resource("KafkaUser", name, labels, spec);
  }

  private static Map<String, String> ownerLabels(TopicSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("strimzi.io/cluster", Platform.KAFKA_CLUSTER);
    labels.put("app.kubernetes.io/part-of", "inquiry-platform");
    String owner = spec.owner().startsWith("consumers of ") ? "dead-letters" : spec.owner();
    labels.put("inquiry.example.org/owner", owner);
    return labels;
  }

  private static Map<String, Object> acl(
      String type, String name, String patternType, List<String> operations) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    resource.put("name", name);
    resource.put("patternType", patternType);
    Map<String, Object> acl = new LinkedHashMap<>();
    acl.put("resource", resource);
    acl.put("operations", operations);
    acl.put("host", "*");
    return acl;
  }

  @SuppressWarnings("unchecked")
  private static String resourceName(Map<String, Object> acl) {
    return String.valueOf(((Map<String, Object>) acl.get("resource")).get("name"));
  }

  static Map<String, Object> resource(
      String kind, String name, Map<String, String> labels, Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("labels", labels);
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", API_VERSION);
    resource.put("kind", kind);
    resource.put("metadata", metadata);
    resource.put("spec", spec);
    return resource;
  }
}
