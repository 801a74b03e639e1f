package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.example.inquiry.deploy.Kustomize;
import org.example.inquiry.deploy.Platform;
import org.example.inquiry.deploy.StrimziAcls;
import org.example.inquiry.deploy.TypedManifests;
import org.example.inquiry.deploy.Yaml;
import org.example.inquiry.registry.DevSchemaRegistry;
import org.example.inquiry.registry.ReadAccess;
import org.example.inquiry.registry.WriteAccess;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.example.inquiry.testing.FreePorts;
import org.example.inquiry.testing.LocalJwt;
import org.example.inquiry.testing.SecureKafkaBroker;
import org.example.inquiry.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five services as processes, configured the way the Kubernetes manifests configure them and by
 * nothing else: environment variables only (the {@code inquiry-platform} ConfigMap's keys, with
 * this machine's addresses), against a broker whose only client listener is SASL_SSL
 * (SCRAM-SHA-512, certificates generated here) and which enforces exactly the ACLs of the KafkaUser
 * manifests, on the topics of the KafkaTopic manifests; the registry over HTTPS with credentials,
 * its URL list starting with a dead URL. An inquiry goes from intake to the case view and into the
 * KPIs.
 */
class SecuredPipelineIT {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "store-" + Long.toHexString(System.nanoTime());
  static final String REGISTRY_ADMIN = "registry-admin:" + Long.toHexString(System.nanoTime());

  static TestCertificates ca;
  static SecureKafkaBroker kafka;
  static DevSchemaRegistry registry;
  static final Map<String, Integer> ports = new LinkedHashMap<>();
  static final List<Process> processes = new ArrayList<>();
  static final Path logs = Path.of("target/e2e-logs/secured");

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("secured-pipeline");
    ca = TestCertificates.authority(dir, PASSWORD);
    kafka = SecureKafkaBroker.start(ca);
    // Users and ACLs exactly as the User Operator would create them from the manifests.
    Map<String, String> passwords = new LinkedHashMap<>();
    for (KafkaUser user : StrimziAcls.users(ROOT)) {
      String name = user.getMetadata().getName();
      passwords.put(name, name + "-" + Long.toHexString(System.nanoTime()));
      kafka.createUser(name, passwords.get(name));
      kafka.addAcls(StrimziAcls.bindings(user));
    }
    // Topics as the Topic Operator would create them (one broker here: one replica, min ISR 1).
    List<NewTopic> topics = new ArrayList<>();
    for (KafkaTopic topic :
        TypedManifests.parse(Yaml.documents(ROOT.resolve("deploy/k8s/base/kafka/topics.yaml")))
            .all(KafkaTopic.class)) {
      Map<String, String> config = new LinkedHashMap<>();
      topic.getSpec().getConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
      config.put("min.insync.replicas", "1");
      topics.add(
          new NewTopic(topic.getMetadata().getName(), topic.getSpec().getPartitions(), (short) 1)
              .configs(config));
    }
    kafka.createTopics(topics);
    // The registry's own Kafka connection under its manifest user (topics kafkasql-*).
    Map<String, Object> registryKafka =
        new LinkedHashMap<>(
            kafka.clientProperties(
                Platform.SCHEMA_REGISTRY, passwords.get(Platform.SCHEMA_REGISTRY)));
    registryKafka.remove("bootstrap.servers");
    registry =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                    kafka.bootstrapServers(),
                    "127.0.0.1",
                    0,
                    "kafkasql-dev-schemas",
                    (short) 1,
                    CompatibilityLevel.BACKWARD_TRANSITIVE,
                    WriteAccess.admin(REGISTRY_ADMIN))
                .withKafkaProperties(registryKafka)
                .secured(
                    new DevSchemaRegistry.Tls(ca.keyStore("schema-registry"), PASSWORD, "PKCS12"),
                    ReadAccess.of(null, "unused-" + System.nanoTime())));
    int dead;
    try (ServerSocket socket = new ServerSocket(0)) {
      dead = socket.getLocalPort();
    }
    Files.createDirectories(logs);
    Path state = Files.createTempDirectory("secured-state");
    Map<String, String> shared = sharedEnvironment(dead, state);
    for (Platform.Service service : Platform.SERVICES) {
      ports.put(service.name(), FreePorts.next());
      Map<String, String> env = new LinkedHashMap<>(shared);
      env.put("SERVER_PORT", Integer.toString(ports.get(service.name())));
      env.put("INQUIRY_STATE_DIR", state.resolve(service.name()).toString());
      env.put(
          "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
          SecureKafkaBroker.jaas(service.name(), passwords.get(service.name())));
      env.put("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", REGISTRY_ADMIN);
      env.put("METRICS_GAUGE_REFRESH", "2s");
      processes.add(launch(service.module(), env));
    }
    awaitReady(Duration.ofSeconds(480));
  }

  /**
   * The ConfigMap the manifests give every service, with this machine's endpoints and files in
   * place of the cluster's: the same keys, so the test proves the manifests' configuration.
   */
  static Map<String, String> sharedEnvironment(int deadPort, Path state) {
    ObjectNode configMap =
        Kustomize.build(ROOT.resolve("deploy/k8s/base")).stream()
            .filter(r -> r.path("kind").asText().equals("ConfigMap"))
            .filter(r -> r.path("metadata").path("name").asText().equals("inquiry-platform"))
            .findFirst()
            .orElseThrow();
    Map<String, String> env = new LinkedHashMap<>();
    configMap
        .path("data")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    Map<String, String> local = new LinkedHashMap<>();
    local.put("SERVER_ADDRESS", "127.0.0.1");
    local.put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    local.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + ca.caPem());
    // Several registry URLs: the first does not answer, the client fails over to the second.
    local.put("SCHEMA_REGISTRY_URL", "https://127.0.0.1:" + deadPort + "," + registry.url());
    local.put(
        "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", ca.caPem().toString());
    for (var entry : local.entrySet()) {
      assertThat(env)
          .as("the manifests' ConfigMap sets " + entry.getKey())
          .containsKey(entry.getKey());
      env.put(entry.getKey(), entry.getValue());
    }
    assertThat(env)
        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("INQUIRY_KAFKA_DECLARE_TOPICS", "false");
    env.put("INQUIRY_JWT_PUBLIC_KEY", LocalJwt.get().publicKeyLocation());
    env.put("INQUIRY_JWT_ISSUER", LocalJwt.ISSUER);
    env.put("INQUIRY_JWT_AUDIENCE", LocalJwt.AUDIENCE);
    return env;
  }

  @AfterAll
  static void stop() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void anInquiryTravelsTheSecuredPipelineUnderTheManifestsAcls() throws Exception {
    String supervisor = LocalJwt.get().token("supervisor", "sam");
    String channel = LocalJwt.get().token("channel", "portal");
    String agent = LocalJwt.get().token("agent", "alice");
    List<String> customers = Files.readAllLines(ROOT.resolve("deploy/local/data/customers.csv"));
    String csv = String.join("\n", customers.subList(0, Math.min(6, customers.size()))) + "\n";
    Http.Answer imported =
        Http.send(
            "POST",
            url("intake-service") + "/api/v1/customers/import",
            supervisor,
            "text/csv",
            csv.getBytes());
    assertThat(imported.status()).as(imported.brief()).isBetween(200, 299);

    String body =
        """
        {"customerId": "C-1001",
         "contact": {"name": "Dana Ortiz", "email": "dana.ortiz@acme.example"},
         "subject": "Delayed shipment under letter of credit LC-77",
         "body": "Our order PO-5521 for USD 22,000 under letter of credit LC-77 is delayed; the invoice must be adjusted.",
         "references": [{"kind": "LETTER_OF_CREDIT", "value": "LC-77"}],
         "amount": {"amount": "22000.00", "currency": "USD"}}
        """;
    Http.Answer submitted =
        Http.send(
            "POST",
            url("intake-service") + "/api/v1/inquiries",
            channel,
            "application/json",
            body.getBytes(),
            "Idempotency-Key",
            "secured-1");
    assertThat(submitted.status()).as(submitted.brief()).isEqualTo(202);
    String inquiryId = JSON.readTree(submitted.body()).path("inquiryId").asText();

    JsonNode inquiryCase =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    Http.send(
                        "GET",
                        url("resolution-service") + "/api/v1/inquiries/" + inquiryId,
                        agent,
                        null,
                        null),
                answer -> answer.status() == 200)
            .body()
            .transform(SecuredPipelineIT::json);
    assertThat(inquiryCase.path("status").asText()).isEqualTo("OPEN");
    assertThat(inquiryCase.path("types").toString()).contains("letter-of-credit");
    assertThat(inquiryCase.path("timeline").findValuesAsText("event"))
        .containsExactly("RECEIVED", "ROUTED");

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Http.Answer kpis =
                  Http.send("GET", url("metrics-service") + "/api/v1/kpis", agent, null, null);
              assertThat(kpis.status()).isEqualTo(200);
              JsonNode stages = json(kpis.body()).path("stageEvents");
              assertThat(stages.path("received").asLong()).isGreaterThanOrEqualTo(1);
              assertThat(stages.path("routed").asLong()).isGreaterThanOrEqualTo(1);
            });
    // Nobody was refused by the broker: the manifests' ACLs are what the services need.
    for (Platform.Service service : Platform.SERVICES) {
      String log = Files.readString(logs.resolve(service.name() + ".log"));
      assertThat(log)
          .as(service.name() + " log")
          .doesNotContain("AuthorizationException", "not authorized");
    }
  }

  static String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Process launch(String module, Map<String, String> env) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
      jar =
          files
              .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
              .findFirst()
              .orElseThrow();
    }
    Path log = logs.resolve(module + ".log");
    Files.deleteIfExists(log);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static boolean ready(String service) {
    try {
      return Http.send("GET", url(service) + "/actuator/health/readiness", null, null, null)
              .status()
          == 200;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }

  private static void awaitReady(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int i = 0;
    for (Platform.Service service : Platform.SERVICES) {
      Process process = processes.get(i++);
      while (!ready(service.name())) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          List<String> lines = Files.readAllLines(logs.resolve(service.module() + ".log"));
          throw new IllegalStateException(
              service.name()
                  + (process.isAlive() ? " not ready in " + timeout : " exited")
                  + ":\n"
                  + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
