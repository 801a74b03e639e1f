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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API (Confluent Schema Registry, Apicurio's ccompat
 * API, Karapace, Redpanda, or the project's development registry), with caches for ids and
 * registrations. Thread-safe; share one instance per registry connection.
 *
 * <p>Several base URLs may be given ({@link RegistryConnection}): a request goes to the URL that
 * answered last, and moves on to the next one when that cannot be reached or answers 502, 503 or
 * 504; registrations are idempotent, so a retried write is safe. Credentials (HTTP Basic or a
 * bearer token) and TLS trust come from the same configuration keys as Confluent's serdes.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** The registry's media type. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, HttpSchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

  private final RegistryConnection connection;
  private final HttpClient http;
  private final Duration timeout;
  private volatile int preferred;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(String baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  public HttpSchemaRegistryClient(String baseUrl, Duration timeout) {
    this(baseUrl, timeout, null);
  }

  /**
   * @param baseUrl one URL, or several separated by commas (tried in order)
   * @param userInfo {@code user:password} sent as HTTP Basic credentials with every request
   *     (Confluent's {@code basic.auth.user.info}), or null for none (or those in the URL)
   */
  public HttpSchemaRegistryClient(String baseUrl, Duration timeout, String userInfo) {
    this(
        RegistryConnection.of(
            Objects.requireNonNull(baseUrl, "schema registry url"), timeout, userInfo));
  }

  public HttpSchemaRegistryClient(RegistryConnection connection) {
    this.connection = connection;
    this.timeout = connection.timeout();
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
    if (connection.sslContext() != null) {
      builder.sslContext(connection.sslContext());
    }
    this.http = builder.build();
  }

  /**
   * One client per URL for the whole JVM, so every serializer and deserializer shares the caches.
   */
  public static HttpSchemaRegistryClient shared(String baseUrl) {
    return shared(baseUrl, null);
  }

  /** One client per URL and credentials for the whole JVM. */
  public static HttpSchemaRegistryClient shared(String baseUrl, String userInfo) {
    return shared(RegistryConnection.of(baseUrl, DEFAULT_TIMEOUT, userInfo));
  }

  /** One client per registry connection (URLs, credentials, TLS) for the whole JVM. */
  public static HttpSchemaRegistryClient shared(RegistryConnection connection) {
    return SHARED.computeIfAbsent(
        connection.identity(), k -> new HttpSchemaRegistryClient(connection));
  }

  /**
   * The client a configuration map names ({@code schema.registry.url}, credentials, TLS; see {@link
   * RegistryConnection}), shared JVM-wide.
   */
  public static HttpSchemaRegistryClient shared(Map<String, ?> configs) {
    return shared(RegistryConnection.fromConfigs(configs, DEFAULT_TIMEOUT));
  }

  public RegistryConnection connection() {
    return connection;
  }

  /** The URL requests go to first: the one that answered last. */
  public String baseUrl() {
    return connection.urls().get(preferred).toString();
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
    List<URI> urls = connection.urls();
    int first = preferred;
    SchemaRegistryException failure = null;
    for (int attempt = 0; attempt < urls.size(); attempt++) {
      int index = (first + attempt) % urls.size();
      URI base = urls.get(index);
      HttpResponse<String> response;
      try {
        response =
            http.send(
                request(index, method, path, body),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        failure =
            new SchemaRegistryException(
                "Schema registry at " + base + " unreachable: " + describe(e), e);
        if (urls.size() > 1) {
          log.warn("{}; trying the next registry URL", failure.getMessage());
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("Interrupted calling schema registry " + base, e);
      }
      int status = response.statusCode();
      JsonNode json = parse(response.body());
      if (status == 502 || status == 503 || status == 504) {
        failure =
            new SchemaRegistryException(
                status,
                json.path("error_code").asInt(status),
                base
                    + ": "
                    + method
                    + " "
                    + path
                    + ": "
                    + json.path("message").asText(response.body()));
        if (urls.size() > 1) {
          log.warn("{}; trying the next registry URL", failure.getMessage());
        }
        continue;
      }
      if (index != preferred) {
        if (urls.size() > 1) {
          log.info("Schema registry requests go to {} now", base);
        }
        preferred = index;
      }
      if (status >= 300) {
        throw new SchemaRegistryException(
            status,
            json.path("error_code").asInt(status),
            method + " " + path + ": " + json.path("message").asText(response.body()));
      }
      return json;
    }
    throw failure;
  }

  private HttpRequest request(int index, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(connection.urls().get(index) + path))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE + ", application/json");
    String authorization = connection.authorizations().get(index);
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
    return request.build();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message =
          cause != null && cause.getMessage() != null
              ? cause.getMessage()
              : e.getClass().getSimpleName();
    }
    return message;
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
