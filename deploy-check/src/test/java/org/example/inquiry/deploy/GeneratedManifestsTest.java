package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated files (under {@code deploy/} the KafkaTopics and KafkaUsers from the topic
 * catalogue and the PrometheusRule from the alerting rules; {@code docs/asyncapi.yaml}) are up to
 * date. With {@code -Ddeploy.write=true} the test writes them instead: {@code ./mvnw -B -pl
 * deploy-check -am test -Dtest=GeneratedManifestsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddeploy.write=true}.
 */
class GeneratedManifestsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theCommittedGeneratedFilesAreWhatTheCatalogueAndTheRulesProduce() throws Exception {
    if (Boolean.getBoolean("deploy.write")) {
      GeneratedFiles.write(ROOT);
    }
    for (var file : GeneratedFiles.render(ROOT).entrySet()) {
      Path path = ROOT.resolve(file.getKey());
      assertThat(path).as(file.getKey() + " (regenerate it, see this test's comment)").exists();
      assertThat(Files.readString(path))
          .as(file.getKey() + " is out of date: regenerate it (see GeneratedManifestsTest)")
          .isEqualTo(file.getValue());
    }
  }
}
