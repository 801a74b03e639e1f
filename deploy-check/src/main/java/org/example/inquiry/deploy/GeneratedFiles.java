package org.example.inquiry.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files that are generated (and committed, so a reviewer sees them): under {@code deploy/} the
 * KafkaTopics and KafkaUsers from the catalogue and the PrometheusRule from the alerting rules, and
 * the AsyncAPI document of the topics ({@code docs/asyncapi.yaml}). {@code GeneratedManifestsTest}
 * fails when a committed file differs from what this produces.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /** Path relative to the repository root, and content. */
  public static Map<String, String> render(Path root) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "deploy/k8s/base/kafka/topics.yaml",
        Yaml.write(KafkaManifests.GENERATED, KafkaManifests.topics()));
    files.put(
        "deploy/k8s/base/kafka/users.yaml",
        Yaml.write(KafkaManifests.GENERATED, KafkaManifests.users()));
    files.put(
        "deploy/k8s/base/monitoring/prometheus-rule.yaml",
        PrometheusRules.render(root.resolve("deploy/prometheus/alerts.yml")));
    files.put(AsyncApiDocument.PATH, AsyncApiDocument.render(root));
    return files;
  }

  /** Writes every generated file under {@code root}. */
  public static void write(Path root) {
    render(root)
        .forEach(
            (path, content) -> {
              try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  public static void main(String[] args) {
    write(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
  }
}
