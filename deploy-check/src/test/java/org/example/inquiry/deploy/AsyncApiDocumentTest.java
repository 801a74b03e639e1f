package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.junit.jupiter.api.Test;

/**
 * The committed AsyncAPI document ({@code docs/asyncapi.yaml}, kept up to date by {@code
 * GeneratedManifestsTest}) describes every catalogue topic once, with the latest released schema
 * of its value and the catalogue's configuration, and every service's reads and writes as
 * operations; and the official AsyncAPI parser ({@code @asyncapi/parser} with {@code
 * @asyncapi/avro-schema-parser}, installed by npm ci from the committed lock file) accepts it,
 * resolving and checking the Avro schemas it references, while it rejects a broken schema and a
 * missing one. The parser checks are skipped where node or npm is not installed.
 */
class AsyncApiDocumentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = GeneratedManifestsTest.ROOT;
  private static final Path DOCUMENT = ROOT.resolve(AsyncApiDocument.PATH);
  private static final Path NODE_SOURCES = Path.of("src/test/node/asyncapi-validate");
  private static final Path NODE_WORK = Path.of("target/asyncapi-validate").toAbsolutePath();
  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  private final JsonNode document = Yaml.documents(DOCUMENT).get(0);

  @Test
  void everyCatalogueTopicHasExactlyOneChannel() {
    List<String> addresses = new ArrayList<>();
    document
        .path("channels")
        .properties()
        .forEach(
            channel -> {
              assertThat(channel.getValue().path("address").asText()).isEqualTo(channel.getKey());
              addresses.add(channel.getKey());
            });
    assertThat(addresses)
        .containsExactlyElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
  }

  @Test
  void eachDataChannelCarriesTheLatestReleasedSchemaOfItsValue() throws IOException {
    for (TopicSpec topic : Topics.dataTopics()) {
      JsonNode messages = channel(topic).path("messages");
      assertThat(messages).as(topic.name()).hasSize(1);
      JsonNode payload = messages.elements().next().path("payload");
      assertThat(payload.path("schemaFormat").asText())
          .isEqualTo("application/vnd.apache.avro;version=1.9.0");
      String ref = payload.path("schema").path("$ref").asText();
      Path file = DOCUMENT.getParent().resolve(ref).normalize();
      String record = topic.valueType().getSimpleName();
      assertThat(file).as(ref).isRegularFile();
      assertThat(file.getParent()).isEqualTo(ROOT.resolve("schemas/released").resolve(record));
      try (Stream<Path> versions = Files.list(file.getParent())) {
        assertThat(versions.mapToInt(AsyncApiDocumentTest::version).max())
            .as(ref + " is the latest released version of " + record)
            .hasValue(version(file));
      }
      assertThat(new Schema.Parser().parse(file.toFile()).getFullName())
          .isEqualTo(topic.valueSchema().getFullName());
    }
  }

  @Test
  void deadLettersAndStateAreRawBytesWithTheCatalogueConfiguration() {
    for (TopicSpec topic : Topics.all()) {
      JsonNode channel = channel(topic);
      JsonNode message = channel.path("messages").elements().next();
      if (topic.valueType() == null) {
        assertThat(message.path("payload").path("type").asText()).isEqualTo("string");
        assertThat(message.path("payload").path("format").asText()).isEqualTo("binary");
      }
      if (topic.isDeadLetter()) {
        String headers = message.path("headers").path("$ref").asText();
        assertThat(headers).startsWith("#/components/schemas/");
        assertThat(
                document
                    .at(headers.substring(1))
                    .path("properties")
                    .has("kafka_dlt-exception-fqcn"))
            .isTrue();
      }
      assertThat(message.path("bindings").path("kafka").path("key").path("description").asText())
          .isEqualTo(topic.keyType());
      JsonNode binding = channel.path("bindings").path("kafka");
      assertThat(binding.path("partitions").asInt()).isEqualTo(topic.partitions());
      assertThat(binding.path("replicas").asInt()).isEqualTo(Platform.REPLICATION_FACTOR);
      JsonNode configuration = binding.path("topicConfiguration");
      for (Map.Entry<String, String> entry : topic.config().entrySet()) {
        JsonNode value = configuration.path(entry.getKey());
        assertThat(value.isArray() ? value.get(0).asText() : value.asText())
            .as(topic.name() + " " + entry.getKey())
            .isEqualTo(entry.getValue());
      }
      assertThat(configuration).as(topic.name()).hasSize(topic.config().size());
    }
  }

  @Test
  void everyServiceReadIsAReceiveAndEveryWriterASend() {
    Set<String> expected = new HashSet<>();
    for (Platform.Service service : Platform.SERVICES) {
      for (TopicSpec topic : service.reads()) {
        expected.add(operation(service.name(), "receive", topic));
      }
      for (TopicSpec topic : service.deadLetters()) {
        expected.add(operation(service.name(), "send", topic));
      }
    }
    for (TopicSpec topic : Topics.all()) {
      if (!topic.isDeadLetter()) {
        expected.add(operation(AsyncApiDocument.writer(topic), "send", topic));
      }
    }
    expected.add(operation(Platform.FINANCE_SYSTEMS, "receive", Topics.FINANCIAL_EFFECTS_APPROVED));
    expected.add(operation(Platform.CHANNEL_ADAPTERS, "receive", Topics.OUTBOUND_MESSAGES));
    assertThat(AsyncApiDocument.writer(Topics.INQUIRIES_SUBMITTED))
        .isEqualTo(Platform.CHANNEL_ADAPTERS);
    assertThat(AsyncApiDocument.writer(Topics.FINANCE_ACKNOWLEDGEMENTS))
        .isEqualTo(Platform.FINANCE_SYSTEMS);

    Set<String> actual = new HashSet<>();
    document
        .path("operations")
        .properties()
        .forEach(
            operation -> {
              JsonNode value = operation.getValue();
              String channel = value.path("channel").path("$ref").asText();
              assertThat(operation.getKey())
                  .endsWith(
                      "."
                          + value.path("action").asText()
                          + "."
                          + channel.replace("#/channels/", ""));
              assertThat(value.path("messages").get(0).path("$ref").asText())
                  .startsWith(channel + "/messages/");
              actual.add(operation.getKey());
            });
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theOfficialParserAcceptsTheDocumentAndReadsEveryAvroPayload() throws Exception {
    assumeNodeAndNpm();
    Result result = validate(DOCUMENT);
    assertThat(result.exitCode()).as(result.toString()).isZero();

    JsonNode messages =
        JSON.readTree(result.stdout().lines().reduce((a, b) -> b).orElse("{}")).path("messages");
    assertThat(messages).hasSize(Topics.all().size());
    for (JsonNode message : messages) {
      TopicSpec topic = Topics.byName(message.path("channel").asText()).orElseThrow();
      List<String> fields = new ArrayList<>();
      message.path("fields").forEach(f -> fields.add(f.asText()));
      List<String> headers = new ArrayList<>();
      message.path("headers").forEach(h -> headers.add(h.asText()));
      assertThat(headers.contains("kafka_dlt-original-topic"))
          .as(topic.name() + ": the parser read the dead-letter headers")
          .isEqualTo(topic.isDeadLetter());
      if (topic.valueType() == null) {
        assertThat(fields).as(topic.name()).isEmpty();
      } else {
        Schema released =
            new Schema.Parser()
                .parse(
                    AsyncApiDocument.latestReleased(ROOT, topic.valueType().getSimpleName())
                        .toFile());
        assertThat(fields)
            .as(topic.name() + ": the parser read the released Avro schema")
            .containsExactlyElementsOf(
                released.getFields().stream().map(Schema.Field::name).toList());
      }
    }
  }

  @Test
  void theOfficialParserRejectsAnInvalidAvroSchemaAndAMissingOne() throws Exception {
    assumeNodeAndNpm();
    Path copy = NODE_WORK.resolve("broken");
    Path copiedDocument = copy.resolve(AsyncApiDocument.PATH);
    Path released = copy.resolve("schemas/released");
    copyTree(ROOT.resolve("schemas/released"), released);
    Files.createDirectories(copiedDocument.getParent());
    Files.copy(DOCUMENT, copiedDocument, StandardCopyOption.REPLACE_EXISTING);

    Path routed =
        released.resolve(
            ROOT.resolve("schemas/released")
                .relativize(AsyncApiDocument.latestReleased(ROOT, "InquiryRouted")));
    String schema = Files.readString(routed);
    Files.writeString(
        routed, schema.replaceFirst("\"type\" : \"string\"", "\"type\" : \"no-such-type\""));
    Result invalid = validate(copiedDocument);
    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
    assertThat(invalid.stderr()).contains("channels.inquiries-routed.messages.InquiryRouted");
    Files.writeString(routed, schema);

    String ratedRef =
        copiedDocument
            .getParent()
            .relativize(AsyncApiDocument.latestReleased(copy, "InquiryRated"))
            .toString();
    String missingRef = ratedRef.replaceFirst("/v\\d+\\.avsc$", "/v999.avsc");
    Files.writeString(
        copiedDocument, Files.readString(DOCUMENT).replace(ratedRef + "\n", missingRef + "\n"));
    assertThat(Files.readString(copiedDocument)).contains(missingRef);
    Result missing = validate(copiedDocument);
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.stderr()).contains("v999.avsc");
  }

  private JsonNode channel(TopicSpec topic) {
    JsonNode channel = document.path("channels").path(topic.name());
    assertThat(channel.isObject()).as("channel " + topic.name()).isTrue();
    return channel;
  }

  private static String operation(String participant, String action, TopicSpec topic) {
    return participant + "." + action + "." + topic.name();
  }

  private static int version(Path file) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  /** Runs the validation script on a document, installing the npm packages first when needed. */
  private static synchronized Result validate(Path document) throws Exception {
    Files.createDirectories(NODE_WORK);
    for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
      Files.copy(
          NODE_SOURCES.resolve(file), NODE_WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    // npm ci again whenever the committed lock file changed since the last install.
    Path installed = NODE_WORK.resolve("installed-package-lock.json");
    String lock = Files.readString(NODE_WORK.resolve("package-lock.json"));
    if (!Files.exists(installed) || !Files.readString(installed).equals(lock)) {
      Result install =
          run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
      assertThat(install.exitCode()).as("npm ci: " + install).isZero();
      Files.writeString(installed, lock);
    }
    return run(List.of("node", "validate.mjs", document.toAbsolutePath().toString()), 300);
  }

  private static Result run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("asyncapi", ".out");
    Path stderr = Files.createTempFile("asyncapi", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(NODE_WORK.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            command + " timed out; stderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static void assumeNodeAndNpm() {
    assumeTrue(commandWorks("node", "--version"), "node is not installed");
    assumeTrue(commandWorks("npm", "--version"), "npm is not installed");
  }

  private static boolean commandWorks(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
