package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.example.inquiry.deploy.keda.ScaledObject;
import org.example.inquiry.deploy.keda.TriggerAuthentication;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests ({@code deploy/k8s}: a Kustomize base, dev and prod overlays) parsed
 * into typed models and compared with what they deploy: the topic catalogue (partitions, three
 * replicas, min.insync.replicas 2, retention, compaction), the ACLs (each service writes only the
 * topics it owns), the services' {@code application.yml} (ports, probes, the variables they read)
 * and their source (the topics they read).
 */
class KubernetesManifestsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path K8S = ROOT.resolve("deploy/k8s");
  static final List<String> LAYOUTS = List.of("base", "overlays/dev", "overlays/prod");

  static final Map<String, List<ObjectNode>> rendered = new LinkedHashMap<>();
  static final Map<String, TypedManifests> typed = new LinkedHashMap<>();
  static final Map<String, ServiceConfig> configs = new LinkedHashMap<>();

  @BeforeAll
  static void renderAndParse() {
    for (String layout : LAYOUTS) {
      List<ObjectNode> resources = Kustomize.build(K8S.resolve(layout));
      rendered.put(layout, resources);
      typed.put(layout, TypedManifests.parse(resources));
    }
    for (Platform.Service service : Platform.SERVICES) {
      configs.put(service.name(), ServiceConfig.of(ROOT, service));
    }
  }

  static TypedManifests prod() {
    return typed.get("overlays/prod");
  }

  // ---- rendering and parsing ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  @DisplayName("each layout renders as kubectl kustomize renders it (where kubectl is installed)")
  void theRenderingMatchesKubectl(String layout) throws Exception {
    String kubectl = Tools.which("kubectl");
    assumeTrue(
        kubectl != null, "kubectl is not installed: the built-in Kustomize subset is used alone");
    Process process =
        new ProcessBuilder(kubectl, "kustomize", K8S.resolve(layout).toString())
            .redirectErrorStream(false)
            .start();
    String out = new String(process.getInputStream().readAllBytes());
    String err = new String(process.getErrorStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    Map<String, JsonNode> theirs = new TreeMap<>();
    for (JsonNode document : Yaml.documents(out)) {
      theirs.put(key(document), normalize(document));
    }
    Map<String, JsonNode> ours = new TreeMap<>();
    for (JsonNode document : rendered.get(layout)) {
      ours.put(key(document), normalize(document));
    }
    assertThat(ours.keySet()).isEqualTo(theirs.keySet());
    for (String key : ours.keySet()) {
      assertThat(ours.get(key)).as(layout + " " + key).isEqualTo(theirs.get(key));
    }
  }

  @Test
  void everyResourceHasATypedModelAndUnknownFieldsFail() {
    assertThat(typed.get("overlays/prod").count()).isEqualTo(rendered.get("overlays/prod").size());
    ObjectNode deployment =
        rendered.get("base").stream()
            .filter(r -> r.path("kind").asText().equals("Deployment"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
        .put("livenessprobe", "typo");
    assertThatThrownBy(() -> TypedManifests.parse(List.of(deployment)))
        .hasMessageContaining("unknown fields")
        .hasMessageContaining("livenessprobe");
    ObjectNode scaled =
        rendered.get("base").stream()
            .filter(r -> r.path("kind").asText().equals("ScaledObject"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    ((ObjectNode) scaled.path("spec")).put("maxReplicas", 3);
    assertThatThrownBy(() -> TypedManifests.parse(List.of(scaled)))
        .hasMessageContaining("maxReplicas");
    ObjectNode topic =
        rendered.get("base").stream()
            .filter(r -> r.path("kind").asText().equals("KafkaTopic"))
            .findFirst()
            .orElseThrow()
            .deepCopy();
    ((ObjectNode) topic.path("spec")).put("replicationFactor", 3);
    assertThatThrownBy(() -> TypedManifests.parse(List.of(topic)))
        .hasMessageContaining("replicationFactor");
  }

  @Test
  void overlaysSetTheirNamespaceOnEveryResource() {
    assertThat(rendered.get("overlays/dev"))
        .allSatisfy(
            r ->
                assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("inquiry-dev"));
    assertThat(rendered.get("overlays/prod"))
        .allSatisfy(
            r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("inquiry"));
  }

  // ---- Kafka: cluster, topics, users --------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void theKafkaClusterHasThreeBrokersScramOverTlsAndAcls(String layout) {
    List<Kafka> clusters = typed.get(layout).all(Kafka.class);
    assertThat(clusters).hasSize(1);
    Kafka kafka = clusters.get(0);
    assertThat(kafka.getMetadata().getName()).isEqualTo(Platform.KAFKA_CLUSTER);
    GenericKafkaListener scram =
        kafka.getSpec().getKafka().getListeners().stream()
            .filter(l -> l.getPort() == Platform.KAFKA_SCRAM_PORT)
            .findFirst()
            .orElseThrow();
    assertThat(scram.isTls()).isTrue();
    assertThat(scram.getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
    assertThat(kafka.getSpec().getKafka().getListeners())
        .as("no listener without TLS and authentication")
        .allSatisfy(
            l -> {
              assertThat(l.isTls()).isTrue();
              assertThat(l.getAuth()).isNotNull();
            });
    assertThat(kafka.getSpec().getKafka().getAuthorization())
        .isInstanceOf(KafkaAuthorizationSimple.class);
    Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
    assertThat(String.valueOf(config.get("default.replication.factor"))).isEqualTo("3");
    assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2");
    assertThat(String.valueOf(config.get("transaction.state.log.min.isr"))).isEqualTo("2");
    assertThat(String.valueOf(config.get("auto.create.topics.enable"))).isEqualTo("false");
    int brokers =
        typed.get(layout).all(KafkaNodePool.class).stream()
            .filter(
                p ->
                    Platform.KAFKA_CLUSTER.equals(
                        p.getMetadata().getLabels().get("strimzi.io/cluster")))
            .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
            .mapToInt(p -> p.getSpec().getReplicas())
            .sum();
    assertThat(brokers).as("brokers for replication factor 3").isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyCatalogueTopicIsAKafkaTopicWithItsPartitionsThreeReplicasRetentionAndCompaction() {
    Map<String, KafkaTopic> topics =
        prod().all(KafkaTopic.class).stream().collect(Collectors.toMap(t -> topicName(t), t -> t));
    assertThat(topics.keySet())
        .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
    for (TopicSpec spec : Topics.all()) {
      KafkaTopic topic = topics.get(spec.name());
      assertThat(topic.getMetadata().getLabels())
          .containsEntry("strimzi.io/cluster", Platform.KAFKA_CLUSTER);
      assertThat(topic.getSpec().getPartitions()).as(spec.name()).isEqualTo(spec.partitions());
      assertThat(topic.getSpec().getReplicas()).as(spec.name()).isEqualTo(3);
      Map<String, String> config = new TreeMap<>();
      topic.getSpec().getConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
      assertThat(config).as(spec.name()).isEqualTo(new TreeMap<>(spec.config(3)));
      assertThat(config).as(spec.name()).containsEntry("min.insync.replicas", "2");
      assertThat(config.get("cleanup.policy")).isEqualTo(spec.compacted() ? "compact" : "delete");
      if (!spec.compacted() && !spec.isDeadLetter()) {
        assertThat(config).as("the event log is kept").containsEntry("retention.ms", "-1");
      }
    }
  }

  @Test
  void
      eachServiceHasAScramUserThatWritesExactlyTheTopicsItOwnsTheDeadLettersOfItsInputsAndItsInternalTopics() {
    Map<String, KafkaUser> users = users();
    Set<String> catalogue = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
    for (Platform.Service service : Platform.SERVICES) {
      KafkaUser user = users.get(service.name());
      assertThat(user).as("KafkaUser " + service.name()).isNotNull();
      assertThat(user.getSpec().getAuthentication())
          .isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
      List<AclBinding> acls = StrimziAcls.bindings(user);
      Set<String> expected = new TreeSet<>();
      service.owns().forEach(t -> expected.add(t.name()));
      service.deadLetters().forEach(t -> expected.add(t.name()));
      assertThat(writtenTopics(acls, PatternType.LITERAL))
          .as(service.name() + " writes")
          .isEqualTo(expected);
      for (TopicSpec owned : service.owns()) {
        assertThat(writtenTopics(acls, PatternType.LITERAL)).contains(owned.name());
      }
      assertThat(writtenTopics(acls, PatternType.PREFIXED))
          .as(service.name() + " writes by prefix only its own internal topics")
          .containsExactly(service.internalTopicPrefix());
      // A prefix must not reach a catalogue topic (another service's, or one of its own).
      assertThat(catalogue).noneMatch(name -> name.startsWith(service.internalTopicPrefix()));
      // Never another service's topic.
      for (Platform.Service other : Platform.SERVICES) {
        if (other != service) {
          for (TopicSpec theirs : other.owns()) {
            assertThat(writtenTopics(acls, PatternType.LITERAL))
                .as(
                    service.name()
                        + " must not write "
                        + theirs.name()
                        + " (owned by "
                        + other.name()
                        + ")")
                .doesNotContain(theirs.name());
          }
        }
      }
      Set<String> readable = new TreeSet<>();
      for (AclBinding acl : acls) {
        if (acl.pattern().resourceType() == ResourceType.TOPIC
            && acl.pattern().patternType() == PatternType.LITERAL
            && acl.entry().operation() == AclOperation.READ) {
          readable.add(acl.pattern().name());
        }
      }
      assertThat(readable)
          .as(service.name() + " reads")
          .isEqualTo(
              service.reads().stream()
                  .map(TopicSpec::name)
                  .collect(Collectors.toCollection(TreeSet::new)));
      assertThat(hasPrefixed(acls, ResourceType.GROUP, service.name(), AclOperation.READ)).isTrue();
      assertThat(
              hasPrefixed(
                  acls,
                  ResourceType.TRANSACTIONAL_ID,
                  service.internalTopicPrefix(),
                  AclOperation.WRITE))
          .isTrue();
      for (AclBinding acl : acls) {
        if (acl.pattern().resourceType() == ResourceType.TOPIC
            && acl.pattern().patternType() == PatternType.LITERAL) {
          assertThat(catalogue).as("ACL on an unknown topic").contains(acl.pattern().name());
        }
        assertThat(acl.entry().operation()).as("no blanket ACLs").isNotEqualTo(AclOperation.ALL);
      }
    }
  }

  @Test
  void otherUsersWriteNoCatalogueTopicExceptTheChannelAdaptersAndFinanceTheirOwn() {
    Map<String, KafkaUser> users = users();
    Set<String> catalogue = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
    assertThat(
            writtenTopics(
                StrimziAcls.bindings(users.get(Platform.CHANNEL_ADAPTERS)), PatternType.LITERAL))
        .as("their inquiries, and what became of the answers they delivered")
        .containsExactlyInAnyOrder(
            Topics.INQUIRIES_SUBMITTED.name(), Topics.MESSAGE_DELIVERIES.name());
    assertThat(Topics.INQUIRIES_SUBMITTED.owner()).isEqualTo(Topics.INTAKE);
    assertThat(Topics.MESSAGE_DELIVERIES.owner()).isEqualTo(Topics.INTAKE);
    assertThat(
            writtenTopics(
                StrimziAcls.bindings(users.get(Platform.FINANCE_SYSTEMS)), PatternType.LITERAL))
        .containsExactly(Topics.FINANCE_ACKNOWLEDGEMENTS.name());
    assertThat(Topics.FINANCE_ACKNOWLEDGEMENTS.owner()).isEqualTo(Topics.RESOLUTION);
    for (String name : List.of(Platform.SCHEMA_REGISTRY, Platform.LAG_READER)) {
      List<AclBinding> acls = StrimziAcls.bindings(users.get(name));
      assertThat(writtenTopics(acls, PatternType.LITERAL))
          .as(name)
          .doesNotContainAnyElementsOf(catalogue);
      for (String prefix : writtenTopics(acls, PatternType.PREFIXED)) {
        assertThat(catalogue).as(name + " prefix " + prefix).noneMatch(t -> t.startsWith(prefix));
      }
    }
    assertThat(
            writtenTopics(
                StrimziAcls.bindings(users.get(Platform.LAG_READER)), PatternType.LITERAL))
        .isEmpty();
    assertThat(users.keySet())
        .containsExactlyInAnyOrderElementsOf(
            concat(
                Platform.SERVICES.stream().map(Platform.Service::name).toList(),
                List.of(
                    Platform.CHANNEL_ADAPTERS,
                    Platform.FINANCE_SYSTEMS,
                    Platform.SCHEMA_REGISTRY,
                    Platform.LAG_READER)));
  }

  @Test
  void theReadsOfEachServiceAreTheTopicsItsCodeNames() {
    for (Platform.Service service : Platform.SERVICES) {
      Set<String> referenced = configs.get(service.name()).referencedTopics();
      Set<String> granted = new TreeSet<>();
      service.reads().forEach(t -> granted.add(t.name()));
      service.owns().forEach(t -> granted.add(t.name()));
      assertThat(granted)
          .as(service.name() + ": every topic its code names is read or owned (Platform.java)")
          .containsAll(referenced);
      for (TopicSpec read : service.reads()) {
        if (!read.isDeadLetter()) {
          assertThat(referenced)
              .as(service.name() + " reads " + read.name() + " but its code never names it")
              .contains(read.name());
        }
      }
    }
  }

  // ---- the services --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void eachServiceRunsWithItsPortProbesResourcesAndAHardenedContainer(String layout) {
    TypedManifests manifests = typed.get(layout);
    for (Platform.Service service : Platform.SERVICES) {
      ServiceConfig config = configs.get(service.name());
      Deployment deployment = named(manifests.all(Deployment.class), service.name());
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
      assertThat(container.getName()).isEqualTo(service.name());
      assertThat(container.getPorts()).hasSize(1);
      assertThat(container.getPorts().get(0).getContainerPort())
          .as(service.name() + " port (application.yml server.port)")
          .isEqualTo(config.port());
      assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
      assertThat(env(container)).doesNotContainKey("SERVER_PORT");
      // Probes: Spring Boot's liveness and readiness groups, which the services enable.
      assertThat(config.probesEnabled()).as(service.name() + " enables probes").isTrue();
      assertThat(config.exposedEndpoints()).contains("health", "prometheus");
      assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
      assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
      assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
      // Requests and limits.
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();
      assertThat(requests).containsKeys("cpu", "memory");
      assertThat(limits).containsKey("memory");
      assertThat(Quantity.getAmountInBytes(limits.get("memory")))
          .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")))
          .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("512Mi")));
      // Non-root, read-only root file system: only the mounted volumes are writable.
      var pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
      assertThat(pod.getRunAsNonRoot()).isTrue();
      assertThat(pod.getRunAsUser()).isNotNull().isNotZero();
      assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      Set<String> mounts =
          container.getVolumeMounts().stream()
              .map(VolumeMount::getMountPath)
              .collect(Collectors.toSet());
      assertThat(mounts).contains("/tmp");
      String stateDir = configMapValue(manifests, "INQUIRY_STATE_DIR");
      assertThat(mounts).anyMatch(m -> stateDir.startsWith(m + "/"));
      // Rolling updates never go below the wanted pods; a PDB keeps voluntary evictions to one.
      assertThat(
              deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
          .isZero();
      PodDisruptionBudget pdb = named(manifests.all(PodDisruptionBudget.class), service.name());
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
      // A Service in front, its port named http pointing at the container's.
      Service svc = named(manifests.all(Service.class), service.name());
      ServicePort port = svc.getSpec().getPorts().get(0);
      assertThat(port.getPort()).isEqualTo(config.port());
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
      assertThat(svc.getSpec().getSelector())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void theServicesGetKafkaAndTheRegistrySecuredByConfigurationAlone(String layout) {
    TypedManifests manifests = typed.get(layout);
    ConfigMap shared = named(manifests.all(ConfigMap.class), "inquiry-platform");
    Map<String, String> data = shared.getData();
    assertThat(data)
        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("SERVER_ADDRESS", "0.0.0.0")
        .containsEntry("INQUIRY_KAFKA_DECLARE_TOPICS", "false")
        .containsEntry(
            "KAFKA_BOOTSTRAP",
            Platform.KAFKA_CLUSTER + "-kafka-bootstrap:" + Platform.KAFKA_SCRAM_PORT);
    assertThat(data.get("SCHEMA_REGISTRY_URL")).startsWith("https://");
    Set<String> secretNames = secretsAvailable(manifests);
    for (Platform.Service service : Platform.SERVICES) {
      ServiceConfig config = configs.get(service.name());
      Deployment deployment = named(manifests.all(Deployment.class), service.name());
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      // Every variable reaches the service: a placeholder of its application.yml, or a property
      // Spring Boot binds from the environment (spring.kafka.*, inquiry.kafka.*).
      Map<String, String> variables = new TreeMap<>(data);
      for (EnvFromSource from : container.getEnvFrom()) {
        if (from.getSecretRef() != null) {
          Secret secret = named(manifests.all(Secret.class), from.getSecretRef().getName());
          secret.getStringData().forEach(variables::put);
        }
      }
      env(container).forEach(variables::put);
      for (String variable : variables.keySet()) {
        assertThat(
                config.placeholders().contains(variable)
                    || variable.startsWith("SPRING_KAFKA_")
                    || variable.startsWith("INQUIRY_KAFKA_")
                    || variable.equals("POD_IP"))
            .as(service.name() + " reads " + variable)
            .isTrue();
      }
      assertThat(config.placeholders())
          .contains("KAFKA_BOOTSTRAP", "SCHEMA_REGISTRY_URL", "INQUIRY_STATE_DIR");
      assertThat(variables)
          .containsKeys("INQUIRY_JWT_ISSUER", "INQUIRY_JWT_JWK_SET_URI", "INQUIRY_JWT_AUDIENCE");
      // The SCRAM login of its own KafkaUser (the Secret the User Operator writes).
      EnvVar jaas = envVar(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
      assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service.name());
      assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
      EnvVar registry = envVar(container, "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO");
      Secret credentials =
          named(manifests.all(Secret.class), registry.getValueFrom().getSecretKeyRef().getName());
      assertThat(credentials.getStringData())
          .containsKey(registry.getValueFrom().getSecretKeyRef().getKey());
      // The trust stores named in the configuration are mounted.
      Set<String> mounts =
          container.getVolumeMounts().stream()
              .map(VolumeMount::getMountPath)
              .collect(Collectors.toSet());
      for (String location :
          List.of(
              data.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").replace("file:", ""),
              data.get("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION"))) {
        assertThat(mounts).anyMatch(m -> location.startsWith(m + "/"));
      }
      for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
        if (volume.getSecret() != null) {
          assertThat(secretNames).contains(volume.getSecret().getSecretName());
        }
      }
      for (EnvVar var : container.getEnv()) {
        if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
          assertThat(secretNames).contains(var.getValueFrom().getSecretKeyRef().getName());
        }
      }
    }
    Deployment resolution = named(manifests.all(Deployment.class), Topics.RESOLUTION);
    assertThat(env(resolution.getSpec().getTemplate().getSpec().getContainers().get(0)))
        .as("interactive queries between resolution instances")
        .containsEntry("INQUIRY_ADVERTISED_ADDRESS", "$(POD_IP):8084");
    Deployment metrics = named(manifests.all(Deployment.class), Topics.METRICS);
    assertThat(env(metrics.getSpec().getTemplate().getSpec().getContainers().get(0)))
        .as("KPI shares asked between metrics instances")
        .containsEntry("INQUIRY_ADVERTISED_ADDRESS", "$(POD_IP):8085");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void eachStageScalesOnItsConsumerLagUpToItsPartitions(String layout) {
    TypedManifests manifests = typed.get(layout);
    Set<String> authentications =
        manifests.all(TriggerAuthentication.class).stream()
            .map(a -> a.metadata().name())
            .collect(Collectors.toSet());
    for (Platform.Service service : Platform.SERVICES) {
      ScaledObject scaled =
          manifests.all(ScaledObject.class).stream()
              .filter(s -> s.metadata().name().equals(service.name()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no ScaledObject " + service.name()));
      assertThat(scaled.spec().scaleTargetRef().name()).isEqualTo(service.name());
      assertThat(scaled.spec().minReplicaCount()).isGreaterThanOrEqualTo(1);
      assertThat(scaled.spec().maxReplicaCount())
          .as(
              service.name()
                  + ": more pods than partitions would idle (or than the service supports)")
          .isGreaterThanOrEqualTo(scaled.spec().minReplicaCount())
          .isLessThanOrEqualTo(service.scalableInstances());
      List<ScaledObject.Trigger> lag =
          scaled.spec().triggers().stream().filter(t -> t.type().equals("kafka")).toList();
      assertThat(lag).as(service.name() + " has a consumer-lag trigger").isNotEmpty();
      Set<String> lagTopics =
          service.lagTopics().stream().map(TopicSpec::name).collect(Collectors.toSet());
      for (ScaledObject.Trigger trigger : lag) {
        assertThat(trigger.metadata())
            .containsEntry("consumerGroup", service.lagGroup())
            .containsEntry(
                "bootstrapServers",
                Platform.KAFKA_CLUSTER + "-kafka-bootstrap:" + Platform.KAFKA_SCRAM_PORT)
            .containsKey("lagThreshold");
        if (trigger.metadata().containsKey("topic")) {
          assertThat(lagTopics).contains(trigger.metadata().get("topic"));
        }
        assertThat(Integer.parseInt(trigger.metadata().get("lagThreshold"))).isPositive();
        assertThat(authentications).contains(trigger.authenticationRef().name());
      }
      assertThat(scaled.spec().triggers())
          .allSatisfy(t -> assertThat(t.type()).isIn("kafka", "cpu"));
    }
    Set<String> secretNames = secretsAvailable(manifests);
    for (TriggerAuthentication auth : manifests.all(TriggerAuthentication.class)) {
      for (TriggerAuthentication.SecretTargetRef ref : auth.spec().secretTargetRef()) {
        assertThat(secretNames).contains(ref.name());
      }
      assertThat(
              auth.spec().secretTargetRef().stream()
                  .map(TriggerAuthentication.SecretTargetRef::parameter))
          .contains("sasl", "username", "password", "tls", "ca");
    }
  }

  @Test
  void prometheusScrapesTheServicesAndGetsTheAlertingRules() throws IOException {
    TypedManifests manifests = prod();
    ServiceMonitor monitor = named(manifests.all(ServiceMonitor.class), "inquiry-services");
    Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
    List<Service> scraped =
        manifests.all(Service.class).stream()
            .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
            .toList();
    assertThat(scraped.stream().map(s -> s.getMetadata().getName()))
        .containsExactlyInAnyOrderElementsOf(
            Platform.SERVICES.stream().map(Platform.Service::name).toList());
    var endpoint = monitor.getSpec().getEndpoints().get(0);
    assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
    for (Service service : scraped) {
      assertThat(service.getSpec().getPorts())
          .anyMatch(p -> endpoint.getPort().equals(p.getName()));
    }
    assertThat(secretsAvailable(manifests))
        .contains(endpoint.getAuthorization().getCredentials().getName());
    PrometheusRule rule = named(manifests.all(PrometheusRule.class), "inquiry-platform");
    JsonNode fromAlerts =
        Yaml.documents(ROOT.resolve("deploy/prometheus/alerts.yml")).get(0).path("groups");
    JsonNode inRule = Yaml.mapper().valueToTree(rule.getSpec().getGroups());
    assertThat(alertNames(inRule)).isEqualTo(alertNames(fromAlerts)).isNotEmpty();
  }

  @Test
  void productionPinsItsImagesAndSizesItsBrokers() {
    for (Deployment deployment : prod().all(Deployment.class)) {
      String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
      assertThat(image)
          .as(deployment.getMetadata().getName())
          .doesNotContain("SNAPSHOT")
          .contains(":");
    }
    KafkaNodePool pool = prod().all(KafkaNodePool.class).get(0);
    assertThat(Yaml.mapper().valueToTree(pool.getSpec().getStorage()).toString())
        .contains("persistent-claim");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Map<String, KafkaUser> users() {
    return prod().all(KafkaUser.class).stream()
        .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
  }

  private static Set<String> writtenTopics(List<AclBinding> acls, PatternType pattern) {
    return acls.stream()
        .filter(a -> a.pattern().resourceType() == ResourceType.TOPIC)
        .filter(a -> a.pattern().patternType() == pattern)
        .filter(
            a ->
                a.entry().operation() == AclOperation.WRITE
                    || a.entry().operation() == AclOperation.ALL)
        .map(a -> a.pattern().name())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean hasPrefixed(
      List<AclBinding> acls, ResourceType type, String name, AclOperation op) {
    return acls.stream()
        .anyMatch(
            a ->
                a.pattern().resourceType() == type
                    && a.pattern().patternType() == PatternType.PREFIXED
                    && a.pattern().name().equals(name)
                    && a.entry().operation() == op);
  }

  /**
   * Secrets the manifests define, plus those Strimzi creates (one per KafkaUser, the cluster CA).
   */
  private static Set<String> secretsAvailable(TypedManifests manifests) {
    Set<String> names = new TreeSet<>();
    manifests.all(Secret.class).forEach(s -> names.add(s.getMetadata().getName()));
    manifests.all(KafkaUser.class).forEach(u -> names.add(u.getMetadata().getName()));
    manifests
        .all(Kafka.class)
        .forEach(k -> names.add(k.getMetadata().getName() + "-cluster-ca-cert"));
    return names;
  }

  private static String configMapValue(TypedManifests manifests, String key) {
    return named(manifests.all(ConfigMap.class), "inquiry-platform").getData().get(key);
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  private static Map<String, String> env(Container container) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(
          var.getName(),
          var.getValue() == null ? "(from " + var.getValueFrom() + ")" : var.getValue());
    }
    return env;
  }

  private static EnvVar envVar(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }

  private static <T extends HasMetadata> T named(List<T> resources, String name) {
    return resources.stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource named " + name));
  }

  private static String topicName(KafkaTopic topic) {
    return Objects.requireNonNullElse(
        topic.getSpec().getTopicName(), topic.getMetadata().getName());
  }

  private static List<String> alertNames(JsonNode groups) {
    List<String> names = new ArrayList<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        names.add(
            group.path("name").asText()
                + "/"
                + rule.path("alert").asText()
                + " "
                + rule.path("expr").asText());
      }
    }
    return names;
  }

  private static String key(JsonNode resource) {
    return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
  }

  /** Numbers and strings compared as text (YAML writers quote differently). */
  private static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = Yaml.mapper().createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalize(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = Yaml.mapper().createArrayNode();
      node.forEach(n -> copy.add(normalize(n)));
      return copy;
    }
    return node.isValueNode() && !node.isNull()
        ? Yaml.mapper().getNodeFactory().textNode(node.asText())
        : node;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
