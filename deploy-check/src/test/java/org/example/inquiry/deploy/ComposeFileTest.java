package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose/compose.yaml} parsed into a typed model of the Compose fields it uses
 * (unknown fields fail) and compared with the services: Kafka in KRaft mode from the official
 * image, a Confluent-API registry, each service built from the Dockerfile with its port, reading
 * only variables it knows, on a read-only root; Prometheus with the alerting rules and every
 * service as a target; Grafana with the dashboard. Where {@code docker compose} exists, it
 * validates the file too.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DIR = ROOT.resolve("deploy/compose");

  record Compose(
      String name,
      Map<String, Service> services,
      Map<String, Map<String, Object>> volumes,
      Map<String, Secret> secrets) {}

  record Service(
      String image,
      Build build,
      List<String> command,
      Map<String, String> environment,
      List<String> ports,
      List<String> volumes,
      List<String> tmpfs,
      List<String> secrets,
      @JsonProperty("read_only") Boolean readOnly,
      @JsonProperty("depends_on") JsonNode dependsOn,
      Healthcheck healthcheck,
      String restart) {}

  record Build(String context, String dockerfile, Map<String, String> args) {}

  record Healthcheck(
      List<String> test,
      String interval,
      String timeout,
      Integer retries,
      @JsonProperty("start_period") String startPeriod) {}

  record Secret(String file) {}

  static Compose compose;

  @BeforeAll
  static void parse() {
    JsonNode tree = Yaml.documents(DIR.resolve("compose.yaml")).get(0);
    compose =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .convertValue(tree, Compose.class);
  }

  @Test
  void kafkaRunsInKraftModeFromTheOfficialImageAndTheRegistrySpeaksTheConfluentApi() {
    Service kafka = compose.services().get("kafka");
    assertThat(kafka.image()).matches("apache/kafka:[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(kafka.environment().get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(kafka.environment())
        .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")
        .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    assertThat(kafka.environment()).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(kafka.environment().get("KAFKA_ADVERTISED_LISTENERS"))
        .contains("PLAINTEXT://kafka:9092");
    assertThat(kafka.healthcheck()).isNotNull();
    Service registry = compose.services().get("registry");
    assertThat(registry.image()).startsWith("quay.io/apicurio/apicurio-registry:3.");
    assertThat(registry.environment()).containsEntry("APICURIO_STORAGE_KIND", "kafkasql");
    for (Service image : compose.services().values()) {
      assertThat(image.image()).doesNotEndWith(":latest").contains(":");
    }
  }

  @Test
  void eachServiceIsBuiltFromTheDockerfileWithItsPortAndReadsOnlyVariablesItKnows() {
    for (Platform.Service platform : Platform.SERVICES) {
      ServiceConfig config = ServiceConfig.of(ROOT, platform);
      Service service = compose.services().get(platform.name());
      assertThat(service).as(platform.name()).isNotNull();
      assertThat(service.build().dockerfile()).isEqualTo("deploy/docker/Dockerfile");
      assertThat(DIR.resolve(service.build().context()).normalize()).isEqualTo(ROOT);
      assertThat(service.build().args())
          .containsEntry("SERVICE", platform.module())
          .containsEntry("PORT", Integer.toString(config.port()));
      assertThat(service.ports()).containsExactly(config.port() + ":" + config.port());
      for (String variable : service.environment().keySet()) {
        assertThat(
                config.placeholders().contains(variable)
                    || variable.startsWith("SPRING_KAFKA_")
                    || variable.startsWith("INQUIRY_KAFKA_"))
            .as(platform.name() + " reads " + variable)
            .isTrue();
      }
      assertThat(service.environment()).containsEntry("KAFKA_BOOTSTRAP", "kafka:9092");
      assertThat(service.environment().get("SCHEMA_REGISTRY_URL"))
          .startsWith("http://registry:8080/apis/ccompat/");
      // Read-only root: /tmp and the state volume (the image's INQUIRY_STATE_DIR lies under it).
      assertThat(service.readOnly()).isTrue();
      assertThat(service.tmpfs()).contains("/tmp");
      assertThat(service.volumes()).contains(platform.name() + "-state:/var/lib/inquiry");
      assertThat(compose.volumes()).containsKey(platform.name() + "-state");
      assertThat(service.dependsOn().path("kafka").path("condition").asText())
          .isEqualTo("service_healthy");
      assertThat(service.dependsOn().path("registry").path("condition").asText())
          .isEqualTo("service_healthy");
      String key = service.environment().get("INQUIRY_JWT_PUBLIC_KEY");
      assertThat(key).startsWith("file:/run/secrets/");
      assertThat(service.secrets()).contains(key.substring("file:/run/secrets/".length()));
    }
  }

  @Test
  void prometheusScrapesEveryServiceWithTheAlertingRulesAndGrafanaHasTheDashboard() {
    Service prometheus = compose.services().get("prometheus");
    assertThat(prometheus.volumes())
        .contains("../prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    JsonNode config = Yaml.documents(DIR.resolve("prometheus.yml")).get(0);
    assertThat(config.path("rule_files").get(0).asText()).isEqualTo("alerts.yml");
    List<String> targets = new ArrayList<>();
    config
        .path("scrape_configs")
        .get(0)
        .path("static_configs")
        .get(0)
        .path("targets")
        .forEach(t -> targets.add(t.asText()));
    List<String> expected = new ArrayList<>();
    for (Platform.Service platform : Platform.SERVICES) {
      expected.add(platform.name() + ":" + ServiceConfig.of(ROOT, platform).port());
    }
    assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
    String tokenFile =
        config
            .path("scrape_configs")
            .get(0)
            .path("authorization")
            .path("credentials_file")
            .asText();
    assertThat(prometheus.secrets()).contains(tokenFile.substring("/run/secrets/".length()));
    Service grafana = compose.services().get("grafana");
    assertThat(grafana.volumes())
        .contains("../grafana/dashboards:/var/lib/grafana/dashboards/inquiry:ro");
    assertThat(DIR.resolve("../grafana/dashboards/inquiry-kpis.json").normalize()).exists();
    JsonNode provider =
        Yaml.documents(ROOT.resolve("deploy/grafana/provisioning/dashboards/inquiry.yml")).get(0);
    assertThat(provider.path("providers").get(0).path("options").path("path").asText())
        .isEqualTo("/var/lib/grafana/dashboards/inquiry");
    JsonNode datasource = Yaml.documents(DIR.resolve("grafana-datasource.yml")).get(0);
    assertThat(datasource.path("datasources").get(0).path("url").asText())
        .isEqualTo("http://prometheus:9090");
    for (Secret secret : compose.secrets().values()) {
      assertThat(secret.file()).startsWith("../../.stack/auth/");
    }
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    String docker = Tools.which("docker");
    assumeTrue(docker != null, "no docker client");
    Process version =
        new ProcessBuilder(docker, "compose", "version").redirectErrorStream(true).start();
    version.getInputStream().readAllBytes();
    assumeTrue(
        version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0,
        "no docker compose plugin");
    Process config =
        new ProcessBuilder(
                docker,
                "compose",
                "-f",
                DIR.resolve("compose.yaml").toString(),
                "config",
                "--quiet",
                "--no-interpolate")
            .redirectErrorStream(true)
            .start();
    String out = new String(config.getInputStream().readAllBytes());
    assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(config.exitValue()).as(out).isZero();
    assertThat(Files.isRegularFile(DIR.resolve("compose.yaml"))).isTrue();
  }
}
