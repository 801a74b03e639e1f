package org.example.inquiry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.example.inquiry.schemas.registry.HttpSchemaRegistryClient;
import org.example.inquiry.schemas.registry.SchemaRegistryException;
import org.example.inquiry.schemas.serde.AvroSerializer;
import org.example.inquiry.schemas.serde.CheckedAvroDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The development registry over HTTP, backed by a real KRaft broker. */
class DevSchemaRegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedKafkaKraftBroker broker;

  private final HttpClient http = HttpClient.newHttpClient();
  private DevSchemaRegistry registry;
  private HttpSchemaRegistryClient client;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @BeforeEach
  void startRegistry() {
    registry =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString()));
    client = new HttpSchemaRegistryClient(registry.url());
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private static Schema record(String name, boolean withOptional, boolean withRequired) {
    var fields = SchemaBuilder.record(name).namespace("it").fields().requiredString("a");
    if (withOptional) {
      fields = fields.optionalString("b");
    }
    if (withRequired) {
      fields = fields.requiredLong("c");
    }
    return fields.endRecord();
  }

  /**
   * A registry outage is waited out, not taken for poison: a consumer's deserializer that meets a
   * stopped registry keeps asking, and decodes the record once the registry (restarted on the same
   * port, reloaded from its topic) answers again.
   */
  @Test
  void aDeserializerWaitsOutARegistryRestart() throws Exception {
    var serializer = new AvroSerializer<GenericRecord>(client);
    serializer.configure(Map.of(), false);
    GenericRecord inquiry = new GenericData.Record(record("Outage", false, false));
    inquiry.put("a", "still here");
    byte[] bytes = serializer.serialize("outage-a", inquiry);
    int port = registry.port();
    registry.close();

    var deserializer =
        new CheckedAvroDeserializer<Object>(new HttpSchemaRegistryClient(registry.url()));
    deserializer.configure(Map.of(), false);
    CompletableFuture<Object> read =
        CompletableFuture.supplyAsync(() -> deserializer.deserialize("outage-a", bytes));
    Thread.sleep(1_500);
    assertThat(read).isNotDone(); // waiting, not failed

    registry =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                broker.getBrokersAsString(),
                "127.0.0.1",
                port,
                "_schemas",
                (short) 1,
                CompatibilityLevel.BACKWARD_TRANSITIVE,
                WriteAccess.open()));
    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(inquiry);

    // A registry that answers "no such id" is a verdict: poison at once.
    byte[] unknownId = bytes.clone();
    unknownId[1] = 0x7f;
    assertThatThrownBy(() -> deserializer.deserialize("outage-a", unknownId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot fetch writer schema id");
  }

  @Test
  void registersLooksUpAndServesSchemasByIdAndVersion() {
    Schema schema = InquiryReceived.getClassSchema();

    int id = client.register("reg-a-value", schema);

    assertThat(client.register("reg-a-value", schema)).isEqualTo(id);
    assertThat(client.lookup("reg-a-value", schema)).isEqualTo(id);
    assertThat(new HttpSchemaRegistryClient(registry.url()).getById(id)).isEqualTo(schema);
    assertThat(client.latest("reg-a-value").version()).isEqualTo(1);
    assertThat(client.subjects()).contains("reg-a-value");
    // The same schema under another subject keeps its global id, as in Confluent's registry.
    assertThat(client.register("reg-a-copy-value", schema)).isEqualTo(id);
  }

  @Test
  void refusesAnIncompatibleSchemaWith409AndConfluentsErrorBody() throws Exception {
    client.register("reg-b-value", record("B", false, false));
    assertThat(client.register("reg-b-value", record("B", true, false))).isPositive();

    HttpResponse<String> response =
        post("/subjects/reg-b-value/versions", schemaBody(record("B", true, true)));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.schemaregistry.v1+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error_code").asInt()).isEqualTo(409);
    assertThat(body.path("message").asText())
        .contains("incompatible")
        .contains("BACKWARD_TRANSITIVE")
        .contains("READER_FIELD_MISSING_DEFAULT");
    assertThat(client.latest("reg-b-value").version()).isEqualTo(2);
    assertThatThrownBy(() -> client.register("reg-b-value", record("B", true, true)))
        .isInstanceOf(SchemaRegistryException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatible()).isTrue());
  }

  @Test
  void answersCompatibilityChecksAndHonoursPerSubjectConfig() throws Exception {
    client.register("reg-c-value", record("C", false, false));
    assertThat(client.isCompatible("reg-c-value", record("C", false, true))).isFalse();
    HttpResponse<String> verbose =
        post(
            "/compatibility/subjects/reg-c-value/versions/latest?verbose=true",
            schemaBody(record("C", false, true)));
    assertThat(JSON.readTree(verbose.body()).path("messages").get(0).asText()).contains("c");

    client.setCompatibility("reg-c-value", "NONE");

    assertThat(client.compatibility("reg-c-value")).isEqualTo("NONE");
    assertThat(client.register("reg-c-value", record("C", false, true))).isPositive();
    assertThat(client.compatibility(null)).isEqualTo("BACKWARD_TRANSITIVE");
  }

  @Test
  void rejectsBadRequestsWithConfluentErrorCodes() throws Exception {
    assertError(post("/subjects/x-value/versions", "{\"schema\": \"{not avro\"}"), 422, 42201);
    assertError(post("/subjects/x-value/versions", "not json"), 400, 400);
    assertError(get("/schemas/ids/987654"), 404, 40403);
    assertError(get("/subjects/never-registered/versions"), 404, 40401);
    client.register("reg-d-value", record("D", false, false));
    assertError(get("/subjects/reg-d-value/versions/7"), 404, 40402);
    assertError(get("/subjects/reg-d-value/versions/abc"), 422, 42202);
    assertError(put("/config", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
    assertError(get("/config/reg-d-value"), 404, 40408);
  }

  @Test
  void idsSurviveARestartAndAreSharedBySeveralRegistries() {
    int id = client.register("reg-e-value", record("E", false, false));
    registry.close();

    registry =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString()));
    HttpSchemaRegistryClient afterRestart = new HttpSchemaRegistryClient(registry.url());
    assertThat(afterRestart.getById(id)).isEqualTo(record("E", false, false));

    try (DevSchemaRegistry second =
        DevSchemaRegistry.start(DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString()))) {
      int other =
          new HttpSchemaRegistryClient(second.url())
              .register("reg-f-value", record("F", false, false));
      assertThat(other).isNotEqualTo(id);
      // The first registry learns ids written by the second from the shared topic.
      assertThat(afterRestart.getById(other)).isEqualTo(record("F", false, false));
    }
  }

  private void assertError(HttpResponse<String> response, int status, int code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error_code").asInt()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Content-Type", "application/vnd.schemaregistry.v1+json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withAdminCredentialsOnlyTheAdminMayWriteWhileEveryoneMayRead() throws Exception {
    Schema schema = record("Guarded", false, false);
    DevSchemaRegistry.Settings open =
        DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString());
    try (DevSchemaRegistry guarded =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                open.bootstrapServers(),
                open.host(),
                0,
                "_schemas_guarded",
                open.replicationFactor(),
                open.defaultLevel(),
                WriteAccess.admin("admin:s3cret")))) {
      String url = guarded.url();
      String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));

      var anonymous = send(url + "/subjects/guarded-value/versions", "POST", body, null);
      var wrong = send(url + "/subjects/guarded-value/versions", "POST", body, "admin:guess");
      var config = send(url + "/config", "PUT", "{\"compatibility\": \"NONE\"}", null);
      var delete = send(url + "/subjects/guarded-value", "DELETE", null, null);

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(anonymous.body()).path("error_code").asInt()).isEqualTo(40101);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(config.statusCode()).isEqualTo(401);
      assertThat(delete.statusCode()).isEqualTo(401);
      assertThat(send(url + "/config", "GET", null, null).body()).contains("BACKWARD_TRANSITIVE");

      int id =
          new HttpSchemaRegistryClient(
                  url.replace("http://", "http://admin:s3cret@"), Duration.ofSeconds(5))
              .register("guarded-value", schema);

      HttpSchemaRegistryClient reader = new HttpSchemaRegistryClient(url);
      assertThat(reader.getById(id)).isEqualTo(schema);
      assertThat(reader.lookup("guarded-value", schema)).isEqualTo(id);
      assertThat(send(url + "/subjects", "GET", null, null).body()).contains("guarded-value");
    }
  }

  @Test
  void aReadOnlyRegistryRefusesEveryWrite() throws Exception {
    DevSchemaRegistry.Settings open =
        DevSchemaRegistry.Settings.forTests(broker.getBrokersAsString());
    try (DevSchemaRegistry readOnly =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                open.bootstrapServers(),
                open.host(),
                0,
                "_schemas_read_only",
                open.replicationFactor(),
                open.defaultLevel(),
                WriteAccess.readOnly()))) {
      String body = JSON.writeValueAsString(Map.of("schema", record("R", false, false).toString()));

      var register = send(readOnly.url() + "/subjects/r-value/versions", "POST", body, "a:b");

      assertThat(register.statusCode()).isEqualTo(403);
      assertThat(send(readOnly.url() + "/subjects", "GET", null, null).statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> send(String url, String method, String body, String userInfo)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (userInfo != null) {
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
