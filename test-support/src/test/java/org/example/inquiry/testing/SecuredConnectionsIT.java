package org.example.inquiry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.registry.DevSchemaRegistry;
import org.example.inquiry.registry.ReadAccess;
import org.example.inquiry.registry.WriteAccess;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.example.inquiry.schemas.registry.HttpSchemaRegistryClient;
import org.example.inquiry.schemas.registry.RegistryConnection;
import org.example.inquiry.schemas.registry.SchemaRegistryException;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secured connections by configuration only: a broker whose only client listener is SASL_SSL
 * (SCRAM-SHA-512, a certificate from a CA generated here, ACLs enforced), and the development
 * registry over HTTPS with HTTP Basic and bearer credentials; the clients are plain Kafka clients
 * and the project's Avro serdes, configured with properties (Confluent's and Kafka's names), the
 * registry URL list starting with a dead URL.
 */
class SecuredConnectionsIT {

  static final String PASSWORD = "store-" + Long.toHexString(System.nanoTime());
  static final String WRITER = "registry-writer:w-" + Long.toHexString(System.nanoTime());
  static final String READER = "registry-reader:r-" + Long.toHexString(System.nanoTime());
  static final String TOKEN = "t-" + Long.toHexString(System.nanoTime());
  static final String TOPIC = Topics.INQUIRIES_RECEIVED.name();

  static Path dir;
  static TestCertificates ca;
  static SecureKafkaBroker kafka;
  static DevSchemaRegistry registry;
  static int deadPort;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("secured-connections");
    ca = TestCertificates.authority(dir, PASSWORD);
    kafka = SecureKafkaBroker.start(ca);
    kafka.createUser("registry", "registry-pw");
    kafka.createUser("intake-service", "intake-pw");
    kafka.createUser("classifier-service", "classifier-pw");
    kafka.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)));
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation op : List.of(AclOperation.ALL)) {
      acls.add(allow("registry", ResourceType.TOPIC, "_schemas", PatternType.LITERAL, op));
    }
    acls.add(
        allow(
            "intake-service", ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.WRITE));
    acls.add(
        allow(
            "intake-service",
            ResourceType.TOPIC,
            TOPIC,
            PatternType.LITERAL,
            AclOperation.DESCRIBE));
    acls.add(
        allow(
            "classifier-service",
            ResourceType.TOPIC,
            TOPIC,
            PatternType.LITERAL,
            AclOperation.READ));
    acls.add(
        allow(
            "classifier-service",
            ResourceType.GROUP,
            "classifier-service",
            PatternType.PREFIXED,
            AclOperation.READ));
    kafka.addAcls(acls);

    Map<String, Object> registryKafka =
        new HashMap<>(kafka.clientProperties("registry", "registry-pw"));
    registryKafka.remove("bootstrap.servers");
    registry =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                    kafka.bootstrapServers(),
                    "127.0.0.1",
                    0,
                    "_schemas",
                    (short) 1,
                    CompatibilityLevel.BACKWARD_TRANSITIVE,
                    WriteAccess.admin(WRITER))
                .withKafkaProperties(registryKafka)
                .secured(
                    new DevSchemaRegistry.Tls(ca.keyStore("registry"), PASSWORD, "PKCS12"),
                    ReadAccess.of(READER, TOKEN)));
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort(); // nothing listens there once closed
    }
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** The registry URLs as a client gets them: a dead one first. */
  static String urls() {
    return "https://127.0.0.1:" + deadPort + "," + registry.url();
  }

  @Test
  void eventsTravelOverSaslSslWithTheRegistryOverTlsAndFailover() throws Exception {
    assertThat(registry.url()).startsWith("https://");
    Map<String, Object> producerProps =
        new HashMap<>(kafka.clientProperties("intake-service", "intake-pw"));
    producerProps.put("acks", "all");
    producerProps.put("schema.registry.url", urls());
    producerProps.put("basic.auth.credentials.source", "USER_INFO");
    producerProps.put("basic.auth.user.info", WRITER);
    producerProps.put("schema.registry.ssl.truststore.location", ca.caPem().toString());
    producerProps.put("schema.registry.ssl.truststore.type", "PEM");
    InquiryReceived sent = Events.aReceivedInquiry("INQ-SECURED-1");
    AvroSerializer<InquiryReceived> serializer = new AvroSerializer<>();
    serializer.configure(producerProps, false);
    try (KafkaProducer<String, InquiryReceived> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(TOPIC, sent.getInquiryId(), sent)).get();
    }

    Map<String, Object> consumerProps =
        new HashMap<>(kafka.clientProperties("classifier-service", "classifier-pw"));
    consumerProps.put("group.id", "classifier-service");
    consumerProps.put("auto.offset.reset", "earliest");
    consumerProps.put("schema.registry.url", urls());
    consumerProps.put("bearer.auth.credentials.source", "STATIC_TOKEN");
    consumerProps.put("bearer.auth.token", TOKEN);
    consumerProps.put("schema.registry.ssl.truststore.location", ca.trustStore().toString());
    consumerProps.put("schema.registry.ssl.truststore.password", PASSWORD);
    consumerProps.put("schema.registry.ssl.truststore.type", "PKCS12");
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(consumerProps, false);
    List<Object> received = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), deserializer)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
          received.add(record.value());
        }
      }
    }
    assertThat(received).containsExactly(sent);
    // The reader failed over to the live registry and stays there.
    assertThat(HttpSchemaRegistryClient.shared(consumerProps).baseUrl()).isEqualTo(registry.url());
  }

  @Test
  void theBrokerRefusesWhatTheAclsDoNotAllowAndWrongPasswords() {
    Map<String, Object> props =
        new HashMap<>(kafka.clientProperties("intake-service", "intake-pw"));
    props.put("max.block.ms", 10000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(new ProducerRecord<>(Topics.INQUIRIES_CLASSIFIED.name(), "k", "v"))
                      .get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    Map<String, Object> wrongGroup =
        new HashMap<>(kafka.clientProperties("classifier-service", "classifier-pw"));
    wrongGroup.put("group.id", "router-service");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(wrongGroup, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .isInstanceOf(GroupAuthorizationException.class);
    }

    Map<String, Object> wrongPassword =
        new HashMap<>(kafka.clientProperties("intake-service", "guessed"));
    wrongPassword.put("max.block.ms", 10000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(wrongPassword, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get())
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theRegistryWantsCredentialsAndIsOnlyTrustedThroughItsCa() throws Exception {
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(
                RegistryConnection.fromConfigs(
                        Map.of(
                            "schema.registry.url",
                            registry.url(),
                            "schema.registry.ssl.truststore.location",
                            ca.caPem().toString()),
                        Duration.ofSeconds(5))
                    .sslContext())
            .build();
    HttpResponse<String> anonymous =
        trusting.send(
            HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

    // A reader may read but not register.
    Map<String, Object> reader =
        Map.of(
            "schema.registry.url", urls(),
            "basic.auth.user.info", READER,
            "schema.registry.ssl.truststore.location", ca.caPem().toString());
    HttpSchemaRegistryClient readerClient =
        new HttpSchemaRegistryClient(RegistryConnection.fromConfigs(reader, Duration.ofSeconds(5)));
    assertThat(readerClient.subjects()).isNotNull();
    assertThatThrownBy(
            () -> readerClient.register("refused-value", Schema.create(Schema.Type.STRING)))
        .isInstanceOf(SchemaRegistryException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(401));

    // Without the CA, the TLS handshake fails: the JVM's default trust does not know it.
    HttpSchemaRegistryClient untrusting =
        new HttpSchemaRegistryClient(registry.url(), Duration.ofSeconds(5), READER);
    assertThatThrownBy(untrusting::subjects)
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unreachable");
    // Only dead URLs: the last failure is reported.
    HttpSchemaRegistryClient dead =
        new HttpSchemaRegistryClient(
            "https://127.0.0.1:" + deadPort + ",http://127.0.0.1:" + deadPort,
            Duration.ofSeconds(5),
            READER);
    assertThatThrownBy(dead::subjects)
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("http://127.0.0.1:" + deadPort);
  }

  private static AclBinding allow(
      String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }
}
