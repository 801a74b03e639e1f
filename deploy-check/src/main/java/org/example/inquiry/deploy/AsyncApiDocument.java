package org.example.inquiry.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.avro.Schema;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The AsyncAPI 3.0 document of the platform's Kafka topics ({@code docs/asyncapi.yaml}), generated
 * from the topic catalogue ({@link Topics}) and the services' reads ({@link Platform}) so that
 * tooling outside the JVM (code generators, catalogues, the finance systems' teams) sees the same
 * contract the services and the KafkaTopic resources are built from: one channel per topic with its
 * Kafka configuration, key and Avro value (the latest released, fully expanded schema under {@code
 * schemas/released/}), one {@code send} operation per writer and one {@code receive} operation per
 * reader. The output is ordered like the catalogue, so {@code GeneratedManifestsTest} can compare
 * it with the committed file.
 */
public final class AsyncApiDocument {

  /** Where the document is committed, relative to the repository root. */
  public static final String PATH = "docs/asyncapi.yaml";

  /** The released schemas, relative to the repository root. */
  static final String RELEASED = "schemas/released";

  static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";
  static final String KAFKA_BINDING_VERSION = "0.5.0";
  static final String SECURITY_SCHEME = "scramSha512";
  static final String DEAD_LETTER_HEADERS_SCHEMA = "DeadLetterHeaders";

  static final String REGENERATE =
      "./mvnw -B -pl deploy-check -am test -Dtest=GeneratedManifestsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.write=true";

  static final String HEADER =
      "# Generated from the topic catalogue (schemas/.../catalog/Topics.java), deploy-check's\n"
          + "# Platform.java and schemas/released/; do not edit. Regenerate:\n"
          + "# ./mvnw -B -pl deploy-check -am test -Dtest=GeneratedManifestsTest\n"
          + "# -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.write=true\n";

  /**
   * The topics written by a Kafka user outside the services although a service owns (declares) the
   * topic and its contract.
   */
  static final Map<String, String> EXTERNAL_WRITERS =
      Map.of(
          Topics.INQUIRIES_SUBMITTED.name(), Platform.CHANNEL_ADAPTERS,
          Topics.FINANCE_ACKNOWLEDGEMENTS.name(), Platform.FINANCE_SYSTEMS);

  /** The topics read by a Kafka user outside the services. */
  static final Map<String, List<String>> EXTERNAL_READERS =
      Map.of(
          Topics.FINANCIAL_EFFECTS_APPROVED.name(), List.of(Platform.FINANCE_SYSTEMS),
          Topics.OUTBOUND_MESSAGES.name(), List.of(Platform.CHANNEL_ADAPTERS));

  /** What each topic that is not a dead-letter topic is for; every such topic needs one. */
  static final Map<String, String> PURPOSES =
      Map.ofEntries(
          Map.entry(
              Topics.Names.INQUIRIES_RECEIVED,
              "Every inquiry intake registered, once, whatever the channel: the start of an"
                  + " inquiry's life on the log."),
          Map.entry(
              Topics.Names.INQUIRIES_CLASSIFIED,
              "The classifier's decision on each received inquiry: its types and urgency, or"
                  + " triage."),
          Map.entry(
              Topics.Names.INQUIRIES_ROUTED,
              "The router's assignment of each classified inquiry to teams, with priority, SLA due"
                  + " times and approval policy."),
          Map.entry(
              Topics.Names.INQUIRIES_APPROVED,
              "Approvers' decisions on the financial actions proposed in a case."),
          Map.entry(
              Topics.Names.INQUIRIES_RESOLVED,
              "Resolved inquiries, with what downstream finance systems need to post their"
                  + " effects."),
          Map.entry(
              Topics.Names.INQUIRIES_SUBMITTED,
              "Inquiries submitted over Kafka by the channel adapters (email gateway, service"
                  + " platform, CRM), which intake validates and registers; keyed by the adapter's"
                  + " submission id, which makes a submission idempotent."),
          Map.entry(
              Topics.Names.INQUIRIES_FOLLOWED_UP,
              "Customers contacting us again about an open inquiry."),
          Map.entry(
              Topics.Names.INQUIRIES_RATED,
              "Customers' satisfaction ratings of resolved inquiries."),
          Map.entry(
              Topics.Names.INQUIRY_COMMANDS,
              "Commands to resolution's case processor, written by its HTTP API; internal to"
                  + " resolution-service."),
          Map.entry(
              Topics.Names.INQUIRIES_WORKED,
              "Everything that happens in a case between routing and resolution (claims,"
                  + " responses, notes, proposed actions, reopenings, SLA escalations)."),
          Map.entry(
              Topics.Names.REQUESTS_REFUSED,
              "Requests on a case that security refused (401/403), kept for audit and put on the"
                  + " case's timeline."),
          Map.entry(
              Topics.Names.OPEN_ITEMS,
              "The receivables ledger extract: the latest state of each document, loaded by"
                  + " resolution."),
          Map.entry(
              Topics.Names.CUSTOMERS, "The customer master: the latest record of each customer."),
          Map.entry(
              Topics.Names.CLASSIFIER_LABELLED_EXAMPLES,
              "The classifier's labelled history: each resolved inquiry's text with the types its"
                  + " agent confirmed; a re-resolution replaces the example."),
          Map.entry(
              Topics.Names.CLASSIFIER_MODELS,
              "Every retraining decision of the classifier, promoted or rejected, in order; no"
                  + " decision is ever removed."),
          Map.entry(
              Topics.Names.ROUTER_OPEN_LOAD,
              "The router's open inquiries per assigned agent, written by its open-load"
                  + " aggregate and read back by every router instance as a global table. Private"
                  + " state, not an event: rebuilt from inquiries-routed and inquiries-resolved."),
          Map.entry(
              Topics.Names.FINANCIAL_EFFECTS_APPROVED,
              "Posting-ready financial effects, one per approved action, published once at its"
                  + " final approval; keyed by customer id so one customer's postings stay in"
                  + " order. Finance systems post from here and de-duplicate on effectId."),
          Map.entry(
              Topics.Names.FINANCE_ACKNOWLEDGEMENTS,
              "The finance systems' answers (posted or rejected) to the approved effects, folded"
                  + " into each case by resolution-service."),
          Map.entry(
              Topics.Names.CUSTOMER_FINANCIAL_PROFILES,
              "Each customer's financial profile: open receivables with due dates and promises to"
                  + " pay, the payment history of settled invoices, and the value the approved"
                  + " effects booked; derived by the router from open-items and"
                  + " financial-effects-approved, read by the router (priority) and resolution"
                  + " (the case)."),
          Map.entry(
              Topics.Names.OUTBOUND_MESSAGES,
              "Messages to customers (replies, requests for information, automatic answers),"
                  + " published with the case update that made them; channel adapters deliver their"
                  + " channel's, intake's email sender the email ones, idempotent on messageId."),
          Map.entry(
              Topics.Names.MESSAGE_DELIVERIES,
              "What became of each outbound message (sent, or failed after the sender's"
                  + " retries), reported by intake's email sender and the channel adapters and"
                  + " folded into the case by resolution-service."),
          Map.entry(
              Topics.Names.REROUTES_REQUESTED,
              "Requests to route an open inquiry to other teams, accepted by resolution's case"
                  + " processor from an agent or supervisor; the router answers with a new"
                  + " routing on inquiries-routed, which the case folds in."),
          Map.entry(
              Topics.Names.ATTACHMENT_CONTENTS,
              "The content of files customers attached, where the channel delivered it (email),"
                  + " in parts of at most 256 KiB, written by intake in the transaction of the"
                  + " inquiry or follow-up that lists the file; content-addressed by SHA-256 and"
                  + " compacted, read by resolution-service, which serves each file to the people"
                  + " who may see its case."),
          Map.entry(
              Topics.Names.CONTRACT_TERMS,
              "Each customer's contract terms (payment terms, letters of credit), loaded by"
                  + " resolution's import like the ledger and shown to agents on the case."));

  /** The value of each state topic (raw bytes, no schema). */
  static final Map<String, String> STATE_VALUES =
      Map.of(
          Topics.Names.ROUTER_OPEN_LOAD,
          "The agent's number of open inquiries, a 4-byte big-endian int.");

  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  private AsyncApiDocument() {}

  /** The document as committed, after a header comment. */
  public static String render(Path root) {
    return Yaml.write(HEADER, List.of(document(root)));
  }

  /** The document's tree. */
  public static Map<String, Object> document(Path root) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("asyncapi", "3.0.0");
    document.put("info", info(projectVersion(root.resolve("pom.xml"))));
    document.put("defaultContentType", "application/vnd.apache.avro");
    document.put("servers", servers());
    Map<String, Object> channels = new LinkedHashMap<>();
    for (TopicSpec topic : Topics.all()) {
      channels.put(topic.name(), channel(root, topic));
    }
    document.put("channels", channels);
    document.put("operations", operations());
    document.put("components", components());
    return document;
  }

  /**
   * The latest released schema file of a record (the highest {@code v<N>.avsc}).
   *
   * @throws IllegalStateException when the record was never released
   */
  public static Path latestReleased(Path root, String recordName) {
    Path dir = root.resolve(RELEASED).resolve(recordName);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> VERSION_FILE.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparingInt(AsyncApiDocument::versionOf))
          .orElseThrow(() -> new IllegalStateException(recordName + " has no released schema"));
    } catch (IOException e) {
      throw new IllegalStateException(
          recordName + " has no released schema under " + RELEASED + " (release it first)", e);
    }
  }

  /** The writer of a topic: its owner, or the outside user that writes it for the owner. */
  static String writer(TopicSpec topic) {
    return EXTERNAL_WRITERS.getOrDefault(topic.name(), topic.owner());
  }

  private static Map<String, Object> info(String version) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", "Inquiry platform Kafka topics");
    info.put("version", version);
    info.put(
        "description",
        "Every Kafka topic of the finance inquiry platform: the inquiry event log, reference data,"
            + " dead letters and shared state, who writes and who reads each one. Record keys are"
            + " UTF-8 strings; values are Avro in the Confluent wire format (magic byte, 4-byte"
            + " schema id, Avro binary; subject <topic>-value), except dead letters and state"
            + " topics, which are raw bytes.\n\n"
            + "Generated from the topic catalogue (schemas/.../catalog/Topics.java), deploy-check's"
            + " Platform.java and the released schemas (schemas/released/); do not edit."
            + " Regenerate with `"
            + REGENERATE
            + "`.");
    return info;
  }

  private static Map<String, Object> servers() {
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("host", "127.0.0.1:9092");
    local.put("protocol", "kafka");
    local.put("description", "The local stack's broker (./stack or deploy/compose), plaintext.");
    Map<String, Object> production = new LinkedHashMap<>();
    production.put(
        "host", Platform.KAFKA_CLUSTER + "-kafka-bootstrap:" + Platform.KAFKA_SCRAM_PORT);
    production.put("protocol", "kafka-secure");
    production.put(
        "description",
        "The Strimzi cluster's SASL_SSL listener inside the Kubernetes namespace; every client is"
            + " a KafkaUser with its own ACLs (deploy/k8s/base/kafka/users.yaml).");
    production.put("security", List.of(ref("#/components/securitySchemes/" + SECURITY_SCHEME)));
    Map<String, Object> servers = new LinkedHashMap<>();
    servers.put("local", local);
    servers.put("production", production);
    return servers;
  }

  private static Map<String, Object> components() {
    Map<String, Object> scram = new LinkedHashMap<>();
    scram.put("type", "scramSha512");
    scram.put(
        "description",
        "SCRAM-SHA-512 over TLS with the credentials of the client's Strimzi KafkaUser.");
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", Map.of(DEAD_LETTER_HEADERS_SCHEMA, deadLetterHeadersSchema()));
    components.put("securitySchemes", Map.of(SECURITY_SCHEME, scram));
    return components;
  }

  private static Map<String, Object> channel(Path root, TopicSpec topic) {
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("address", topic.name());
    channel.put("description", description(topic));
    if (topic.isDeadLetter()) {
      channel.put("x-dead-letter-of", deadLetterSource(topic));
    } else {
      channel.put("x-owner", topic.owner());
      if (!writer(topic).equals(topic.owner())) {
        channel.put("x-writer", writer(topic));
      }
      if (topic.valueType() != null) {
        channel.put("x-dead-letter-channel", Topics.deadLetterName(topic.name()));
      }
    }
    channel.put("tags", tags(topic));
    channel.put("messages", Map.of(messageName(topic), message(root, topic)));
    channel.put("bindings", Map.of("kafka", channelBinding(topic)));
    return channel;
  }

  private static String description(TopicSpec topic) {
    String purpose =
        topic.isDeadLetter()
            ? "Dead letters of "
                + deadLetterSource(topic)
                + ": its records that a consumer failed to process after retries, or could not"
                + " deserialize, with the error headers added."
            : PURPOSES.get(topic.name());
    if (purpose == null) {
      throw new IllegalStateException(
          "describe " + topic.name() + " in AsyncApiDocument.PURPOSES (what the topic is for)");
    }
    StringBuilder description = new StringBuilder(purpose);
    description.append("\n\nWritten by ").append(writer(topic));
    if (!writer(topic).equals(topic.owner())) {
      description.append(" (").append(topic.owner()).append(" owns the topic and its contract)");
    }
    description.append(". Key: ").append(topic.keyType()).append(". ");
    if (topic.compacted()) {
      description.append("Compacted: the latest value per key is kept.");
    } else if (topic.retention().equals(TopicSpec.KEEP_FOREVER)) {
      description.append("Records never expire: the event log is the system of record.");
    } else {
      description.append("Records are kept ").append(topic.retention().toDays()).append(" days.");
    }
    if (topic.valueType() != null) {
      description
          .append(" Dead letters go to ")
          .append(Topics.deadLetterName(topic.name()))
          .append('.');
    }
    return description.toString();
  }

  private static List<Map<String, Object>> tags(TopicSpec topic) {
    List<Map<String, Object>> tags = new ArrayList<>();
    if (topic.isDeadLetter()) {
      tags.add(tag("dead-letter", "Failed records of another topic, with the error headers."));
      return tags;
    }
    if (topic.valueType() == null) {
      tags.add(tag("state", "A service's derived private state, not an event."));
    } else if (topic.compacted()) {
      tags.add(tag("compacted", "Reference data or history, the latest value per key."));
    } else {
      tags.add(tag("event-log", "Events, kept forever."));
    }
    tags.add(tag(topic.owner(), "Owned (declared) by " + topic.owner() + "."));
    return tags;
  }

  private static Map<String, Object> tag(String name, String description) {
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("name", name);
    tag.put("description", description);
    return tag;
  }

  private static String messageName(TopicSpec topic) {
    if (topic.valueType() != null) {
      return topic.valueType().getSimpleName();
    }
    return topic.isDeadLetter() ? "DeadLetter" : "State";
  }

  private static Map<String, Object> message(Path root, TopicSpec topic) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("name", messageName(topic));
    Map<String, Object> keyBinding = new LinkedHashMap<>();
    keyBinding.put("key", stringSchema(topic.keyType()));
    if (topic.valueType() != null) {
      Path schemaFile = latestReleased(root, topic.valueType().getSimpleName());
      String doc = releasedDoc(schemaFile);
      if (doc != null) {
        message.put("description", doc);
      }
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("schemaFormat", AVRO_FORMAT);
      payload.put(
          "schema", ref(root.resolve("docs").relativize(schemaFile).toString().replace('\\', '/')));
      message.put("payload", payload);
      keyBinding.put("schemaIdLocation", "payload");
      keyBinding.put("schemaIdPayloadEncoding", "confluent");
    } else if (topic.isDeadLetter()) {
      message.put(
          "description",
          "The failed record of " + deadLetterSource(topic) + " as it was read, key and value.");
      message.put("contentType", "application/octet-stream");
      message.put("headers", ref("#/components/schemas/" + DEAD_LETTER_HEADERS_SCHEMA));
      message.put(
          "payload",
          binary(
              "The original value's bytes, unchanged (Confluent-framed Avro of "
                  + deadLetterSource(topic)
                  + ", or whatever could not be deserialized)."));
    } else {
      String value = STATE_VALUES.get(topic.name());
      if (value == null) {
        throw new IllegalStateException(
            "describe the value of " + topic.name() + " in AsyncApiDocument.STATE_VALUES");
      }
      message.put("description", value);
      message.put("contentType", "application/octet-stream");
      message.put("payload", binary(value));
    }
    keyBinding.put("bindingVersion", KAFKA_BINDING_VERSION);
    message.put("bindings", Map.of("kafka", keyBinding));
    return message;
  }

  private static Map<String, Object> channelBinding(TopicSpec topic) {
    Map<String, Object> configuration = new LinkedHashMap<>();
    topic
        .config()
        .forEach(
            (key, value) ->
                configuration.put(
                    key, key.equals("cleanup.policy") ? List.of(value) : Long.valueOf(value)));
    Map<String, Object> binding = new LinkedHashMap<>();
    binding.put("topic", topic.name());
    binding.put("partitions", topic.partitions());
    binding.put("replicas", Platform.REPLICATION_FACTOR);
    binding.put("topicConfiguration", configuration);
    binding.put("bindingVersion", KAFKA_BINDING_VERSION);
    return binding;
  }

  /**
   * Per channel, in catalogue order: the writers' {@code send} operations (the owner or the outside
   * writer; for a dead-letter topic, each service that may publish its dead letters), then the
   * readers' {@code receive} operations in the order of {@link Platform#SERVICES}, then outside
   * readers'.
   */
  private static Map<String, Object> operations() {
    Map<String, Object> operations = new LinkedHashMap<>();
    for (TopicSpec topic : Topics.all()) {
      List<String> senders = new ArrayList<>();
      if (topic.isDeadLetter()) {
        Platform.SERVICES.stream()
            .filter(s -> s.deadLetters().contains(topic))
            .forEach(s -> senders.add(s.name()));
      } else {
        senders.add(writer(topic));
      }
      List<String> receivers = new ArrayList<>();
      Platform.SERVICES.stream()
          .filter(s -> s.reads().contains(topic))
          .forEach(s -> receivers.add(s.name()));
      receivers.addAll(EXTERNAL_READERS.getOrDefault(topic.name(), List.of()));
      for (String sender : senders) {
        operations.put(operationId(sender, "send", topic), operation(sender, "send", topic));
      }
      for (String receiver : receivers) {
        operations.put(
            operationId(receiver, "receive", topic), operation(receiver, "receive", topic));
      }
    }
    return operations;
  }

  /** The operation id of a participant's send or receive on a topic. */
  private static String operationId(String participant, String action, TopicSpec topic) {
    return participant + "." + action + "." + topic.name();
  }

  private static Map<String, Object> operation(String participant, String action, TopicSpec topic) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("action", action);
    operation.put("channel", ref("#/channels/" + topic.name()));
    operation.put(
        "summary",
        participant + (action.equals("send") ? " writes " : " reads ") + topic.name() + ".");
    operation.put(
        "messages", List.of(ref("#/channels/" + topic.name() + "/messages/" + messageName(topic))));
    return operation;
  }

  private static String deadLetterSource(TopicSpec deadLetter) {
    return deadLetter.name().substring(0, deadLetter.name().length() - Topics.DLT_SUFFIX.length());
  }

  /** The headers spring-kafka's dead-letter publisher adds to a failed record. */
  private static Map<String, Object> deadLetterHeadersSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("kafka_dlt-original-topic", binary("Topic the record was read from (UTF-8)."));
    properties.put("kafka_dlt-original-partition", binary("Its partition (4-byte int)."));
    properties.put("kafka_dlt-original-offset", binary("Its offset (8-byte long)."));
    properties.put(
        "kafka_dlt-original-timestamp", binary("Its timestamp (8-byte long, epoch millis)."));
    properties.put("kafka_dlt-original-timestamp-type", binary("Its timestamp type (UTF-8)."));
    properties.put(
        "kafka_dlt-original-consumer-group", binary("The consumer group that failed it (UTF-8)."));
    properties.put("kafka_dlt-exception-fqcn", binary("Class of the exception (UTF-8)."));
    properties.put(
        "kafka_dlt-exception-cause-fqcn", binary("Class of the exception's cause (UTF-8)."));
    properties.put("kafka_dlt-exception-message", binary("The exception's message (UTF-8)."));
    properties.put(
        "kafka_dlt-exception-stacktrace", binary("The exception's stack trace (UTF-8)."));
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("type", "object");
    headers.put(
        "description",
        "The headers spring-kafka's dead-letter publisher adds to a failed record (raw bytes;"
            + " numbers big-endian), besides the record's own headers.");
    headers.put("properties", properties);
    return headers;
  }

  private static Map<String, Object> stringSchema(String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    schema.put("description", description);
    return schema;
  }

  private static Map<String, Object> binary(String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    schema.put("format", "binary");
    schema.put("description", description);
    return schema;
  }

  private static Map<String, Object> ref(String target) {
    return Map.of("$ref", target);
  }

  private static String releasedDoc(Path schemaFile) {
    try {
      return new Schema.Parser().parse(schemaFile.toFile()).getDoc();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int versionOf(Path file) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** The {@code <version>} of the root POM (the project's, not its parent's). */
  private static String projectVersion(Path pom) {
    Element project;
    try {
      project =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(pom.toFile())
              .getDocumentElement();
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
    for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals("version")) {
        return element.getTextContent().trim();
      }
    }
    throw new IllegalStateException("no project version in " + pom);
  }
}
