package org.example.inquiry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * A service's own configuration and code, as the deployment must match them: its {@code
 * application.yml} (port, probes, the environment variables it reads) and the catalogue topics its
 * source code names.
 */
record ServiceConfig(Platform.Service service, JsonNode yaml, String yamlText, Path sources) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
  private static final Pattern CONSTANT = Pattern.compile("Topics\\.([A-Z][A-Z_]*)\\b");
  private static final Pattern NAME = Pattern.compile("Topics\\.Names\\.([A-Z][A-Z_]*)\\b");
  private static final Pattern LISTENER =
      Pattern.compile("@KafkaListener\\(topics = \"([a-z-]+)\"");

  static ServiceConfig of(Path root, Platform.Service service) {
    Path module = root.resolve(service.module());
    Path yml = module.resolve("src/main/resources/application.yml");
    try {
      String text = Files.readString(yml);
      return new ServiceConfig(
          service, Yaml.documents(text).get(0), text, module.resolve("src/main/java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HTTP port: the default of {@code server.port: ${SERVER_PORT:<port>}}. */
  int port() {
    String value = yaml.path("server").path("port").asText();
    Matcher m = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(value);
    return m.matches() ? Integer.parseInt(m.group(1)) : Integer.parseInt(value);
  }

  boolean probesEnabled() {
    return yaml.path("management")
        .path("endpoint")
        .path("health")
        .path("probes")
        .path("enabled")
        .asBoolean(false);
  }

  Set<String> exposedEndpoints() {
    String include =
        yaml.path("management")
            .path("endpoints")
            .path("web")
            .path("exposure")
            .path("include")
            .asText("");
    Set<String> endpoints = new TreeSet<>();
    for (String e : include.split(",")) {
      endpoints.add(e.trim());
    }
    return endpoints;
  }

  /** The environment variables its {@code application.yml} reads as placeholders. */
  Set<String> placeholders() {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(yamlText);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The catalogue topics its main source names ({@code Topics.X} or a listener's literal). */
  Set<String> referencedTopics() {
    Set<String> topics = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        Matcher constants = CONSTANT.matcher(code);
        while (constants.find()) {
          constant(constants.group(1)).forEach(spec -> topics.add(spec.name()));
        }
        Matcher names = NAME.matcher(code);
        while (names.find()) {
          name(names.group(1)).ifPresent(topics::add);
        }
        Matcher listeners = LISTENER.matcher(code);
        while (listeners.find()) {
          topics.add(listeners.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return topics;
  }

  /** The topics a {@code Topics} constant stands for: one topic, or a list of them. */
  private static List<TopicSpec> constant(String name) {
    try {
      Object value = Topics.class.getField(name).get(null);
      if (value instanceof TopicSpec spec) {
        return List.of(spec);
      }
      if (value instanceof List<?> list) {
        return list.stream()
            .filter(TopicSpec.class::isInstance)
            .map(TopicSpec.class::cast)
            .toList();
      }
      return List.of();
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }

  /** The topic a {@code Topics.Names} constant (usable in {@code @KafkaListener}) names. */
  private static Optional<String> name(String constant) {
    try {
      return Optional.of((String) Topics.Names.class.getField(constant).get(null));
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }
}
