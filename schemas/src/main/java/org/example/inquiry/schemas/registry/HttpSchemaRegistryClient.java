package org.example.inquiry.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (Confluent Schema Registry, Apicurio's ccompat
 * API, Karapace, Redpanda, or the project's development registry), with caches for ids and
 * registrations. Thread-safe; share one instance per registry URL.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** The registry's media type. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, HttpSchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

  private final URI baseUri;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  public HttpSchemaRegistryClient(String baseUrl, Duration timeout) {
    this(baseUrl, timeout, null);
  }

  /**
   * @param userInfo {@code user:password} sent as HTTP Basic credentials with every request
   *     (Confluent's {@code basic.auth.user.info}), or null for none
   */
  public HttpSchemaRegistryClient(String baseUrl, Duration timeout, String userInfo) {
    Objects.requireNonNull(baseUrl, "schema registry url");
    // Credentials may also ride in the URL (Confluent's basic.auth.credentials.source=URL).
    String fromUrl = URI.create(baseUrl).getRawUserInfo();
    if (fromUrl != null) {
      baseUrl = baseUrl.replace(fromUrl + "@", "");
    }
    String credentials =
        userInfo != null && !userInfo.isBlank()
            ? userInfo
            : fromUrl == null ? null : java.net.URLDecoder.decode(fromUrl, StandardCharsets.UTF_8);
    this.authorization =
        credentials == null
            ? null
            : "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.baseUri = URI.create(trimmed);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * One client per URL for the whole JVM, so every serializer and deserializer shares the caches.
   */
  public static HttpSchemaRegistryClient shared(String baseUrl) {
    return shared(baseUrl, null);
  }

  /** One client per URL and credentials for the whole JVM. */
  public static HttpSchemaRegistryClient shared(String baseUrl, String userInfo) {
    String key = userInfo == null || userInfo.isBlank() ? baseUrl : baseUrl + "#" + userInfo;
    return SHARED.computeIfAbsent(
        key, k -> new HttpSchemaRegistryClient(baseUrl, Duration.ofSeconds(10), userInfo));
  }

  public String baseUrl() {
    return baseUri.toString();
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode response =
        send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = response.path("id").asInt();
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int lookup(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode response = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
    int id = response.path("id").asInt();
    idsBySubjectSchema.put(key, id);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode response = send("GET", "/schemas/ids/" + id, null);
    Schema schema = new Schema.Parser().parse(response.path("schema").asText());
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode response = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
    Schema schema = new Schema.Parser().parse(response.path("schema").asText());
    return new RegisteredSchema(
        response.path("subject").asText(subject),
        response.path("version").asInt(),
        response.path("id").asInt(),
        schema);
  }

  @Override
  public List<String> subjects() {
    JsonNode response = send("GET", "/subjects", null);
    List<String> subjects = new ArrayList<>();
    response.forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode response =
          send(
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest",
              schemaBody(schema));
      return response.path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return true; // nothing registered yet: anything is compatible
      }
      throw e;
    }
  }

  @Override
  public String compatibility(String subject) {
    String path =
        subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    return send("GET", path, null).path("compatibilityLevel").asText();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request
          .header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "Schema registry at " + baseUri + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted calling schema registry " + baseUri, e);
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() >= 300) {
      throw new SchemaRegistryException(
          response.statusCode(),
          json.path("error_code").asInt(response.statusCode()),
          method + " " + path + ": " + json.path("message").asText(response.body()));
    }
    return json;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("message", body);
    }
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
