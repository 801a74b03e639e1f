package org.example.inquiry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST subset: subjects, versions, schemas by id, lookup,
 * compatibility checks and config, with Confluent's status codes and error bodies.
 */
final class RegistryApi implements HttpHandler {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger log = LoggerFactory.getLogger(RegistryApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final SchemaStore store;
  private final KafkaSchemaLog schemaLog;
  private final WriteAccess writes;
  private final ReadAccess reads;

  RegistryApi(SchemaStore store, KafkaSchemaLog schemaLog, WriteAccess writes, ReadAccess reads) {
    this.store = store;
    this.schemaLog = schemaLog;
    this.writes = writes;
    this.reads = reads;
  }

  /** A request answered with a Confluent error body. */
  static final class ApiError extends RuntimeException {
    final int status;
    final int code;

    ApiError(int status, int code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Object body;
      int status = 200;
      try {
        authorize(exchange);
        body = route(exchange);
      } catch (ApiError e) {
        status = e.status;
        body = error(e.code, e.getMessage());
      } catch (SchemaStore.InvalidSchemaException e) {
        status = 422;
        body = error(42201, e.getMessage());
      } catch (SchemaStore.IncompatibleSchemaException e) {
        status = 409;
        body = error(409, e.getMessage());
      } catch (RuntimeException e) {
        log.error(
            "Registry request {} {} failed",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e);
        status = 500;
        body = error(50001, "Error in the backend data store: " + e.getMessage());
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * Registering a schema ({@code POST /subjects/{s}/versions}), setting a compatibility level or
   * mode ({@code PUT}) and deleting need write access; lookups and compatibility checks (also
   * POSTs) do not.
   */
  private void authorize(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!reads.allows(authorization) && !writes.isAdmin(authorization)) {
      exchange
          .getResponseHeaders()
          .set(
              "WWW-Authenticate",
              "Basic realm=\"schema-registry\", Bearer realm=\"schema-registry\"");
      throw new ApiError(
          401,
          40101,
          authorization == null ? "Credentials are required" : "The credentials are not valid");
    }
    boolean registers = method.equals("POST") && path.matches("/subjects/[^/]+/versions/?");
    boolean mutates =
        registers || !(method.equals("GET") || method.equals("POST") || method.equals("HEAD"));
    if (!mutates) {
      return;
    }
    Object[] refusal = writes.refusal(authorization);
    if (refusal != null) {
      int status = (Integer) refusal[0];
      if (status == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
      }
      throw new ApiError(status, status == 401 ? 40101 : 40301, (String) refusal[1]);
    }
  }

  private Object route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    List<String> p =
        Arrays.stream(rawPath.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int n = p.size();
    if (n == 0 && method.equals("GET")) {
      return JSON.createObjectNode();
    }
    String root = p.get(0);
    if (root.equals("subjects")) {
      if (n == 1 && method.equals("GET")) {
        return store.subjects();
      }
      String subject = p.get(1);
      if (n == 2 && method.equals("POST")) {
        return lookup(subject, readSchema(exchange));
      }
      if (n == 3 && p.get(2).equals("versions")) {
        if (method.equals("GET")) {
          return versions(subject).keySet();
        }
        if (method.equals("POST")) {
          SchemaStore.Version v = schemaLog.register(subject, readSchema(exchange));
          log.info("Subject {} version {} has schema id {}", subject, v.version(), v.id());
          return JSON.createObjectNode().put("id", v.id());
        }
      }
      if (n >= 4 && p.get(2).equals("versions") && method.equals("GET")) {
        SchemaStore.Version v = version(subject, p.get(3));
        if (n == 5 && p.get(4).equals("schema")) {
          return JSON.readTree(v.schema());
        }
        if (n == 4) {
          return versionBody(v);
        }
      }
    }
    if (root.equals("schemas") && n >= 3 && p.get(1).equals("ids") && method.equals("GET")) {
      int id = parseInt(p.get(2), 40403, "Schema " + p.get(2) + " not found");
      String schema =
          schemaLog
              .schemaById(id)
              .orElseThrow(() -> new ApiError(404, 40403, "Schema " + id + " not found"));
      if (n == 3) {
        return JSON.createObjectNode().put("schema", schema);
      }
      if (n == 4 && p.get(3).equals("schema")) {
        return JSON.readTree(schema);
      }
      if (n == 4 && p.get(3).equals("versions")) {
        ArrayNode usages = JSON.createArrayNode();
        store
            .usagesOf(id)
            .forEach(
                v -> usages.addObject().put("subject", v.subject()).put("version", v.version()));
        return usages;
      }
    }
    if (root.equals("compatibility")
        && n == 5
        && p.get(1).equals("subjects")
        && p.get(3).equals("versions")
        && method.equals("POST")) {
      String subject = p.get(2);
      SchemaStore.Version v = version(subject, p.get(4));
      List<String> problems = store.checkAgainst(subject, readSchema(exchange), v.version());
      ObjectNode result = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
      if (Boolean.parseBoolean(query.getOrDefault("verbose", "false"))) {
        ArrayNode messages = result.putArray("messages");
        problems.forEach(messages::add);
      }
      return result;
    }
    if (root.equals("config")) {
      if (n == 1) {
        if (method.equals("GET")) {
          return JSON.createObjectNode().put("compatibilityLevel", store.globalLevel().name());
        }
        if (method.equals("PUT")) {
          CompatibilityLevel level = readLevel(exchange);
          schemaLog.setLevel(null, level);
          return JSON.createObjectNode().put("compatibility", level.name());
        }
      }
      if (n == 2) {
        String subject = p.get(1);
        if (method.equals("GET")) {
          boolean fallback = Boolean.parseBoolean(query.getOrDefault("defaultToGlobal", "false"));
          CompatibilityLevel level =
              store
                  .subjectLevel(subject)
                  .or(() -> fallback ? Optional.of(store.globalLevel()) : Optional.empty())
                  .orElseThrow(
                      () ->
                          new ApiError(
                              404,
                              40408,
                              "Subject '"
                                  + subject
                                  + "' does not have subject-level compatibility configured"));
          return JSON.createObjectNode().put("compatibilityLevel", level.name());
        }
        if (method.equals("PUT")) {
          CompatibilityLevel level = readLevel(exchange);
          schemaLog.setLevel(subject, level);
          return JSON.createObjectNode().put("compatibility", level.name());
        }
      }
    }
    if (root.equals("mode") && method.equals("GET")) {
      return JSON.createObjectNode().put("mode", "READWRITE");
    }
    throw new ApiError(404, 404, "HTTP 404 Not Found: " + method + " " + rawPath);
  }

  private ObjectNode lookup(String subject, String schemaText) {
    versions(subject);
    SchemaStore.Version v =
        store
            .find(subject, SchemaStore.parse(schemaText))
            .orElseThrow(() -> new ApiError(404, 40403, "Schema not found"));
    return versionBody(v);
  }

  private TreeMap<Integer, SchemaStore.Version> versions(String subject) {
    return store
        .versions(subject)
        .orElseThrow(() -> new ApiError(404, 40401, "Subject '" + subject + "' not found."));
  }

  private SchemaStore.Version version(String subject, String version) {
    TreeMap<Integer, SchemaStore.Version> versions = versions(subject);
    if (version.equals("latest") || version.equals("-1")) {
      return versions.lastEntry().getValue();
    }
    int number =
        parseInt(
            version,
            42202,
            "The specified version '"
                + version
                + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    SchemaStore.Version v = versions.get(number);
    if (v == null) {
      throw new ApiError(404, 40402, "Version " + version + " not found.");
    }
    return v;
  }

  private static ObjectNode versionBody(SchemaStore.Version v) {
    return JSON.createObjectNode()
        .put("subject", v.subject())
        .put("version", v.version())
        .put("id", v.id())
        .put("schema", v.schema());
  }

  private static int parseInt(String text, int code, String message) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ApiError(code == 40403 ? 404 : 422, code, message);
    }
  }

  private static JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ApiError(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new ApiError(400, 400, "Request body is not valid JSON: " + e.getMessage());
      }
    }
  }

  private static String readSchema(HttpExchange exchange) throws IOException {
    JsonNode body = readBody(exchange);
    String type = body == null ? "AVRO" : body.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new ApiError(
          422, 42201, "Only AVRO schemas are supported by the development registry, not " + type);
    }
    if (body == null || !body.path("schema").isTextual()) {
      throw new ApiError(422, 42201, "Invalid schema: the body needs a \"schema\" string");
    }
    return body.path("schema").asText();
  }

  private static CompatibilityLevel readLevel(HttpExchange exchange) throws IOException {
    JsonNode body = readBody(exchange);
    try {
      return CompatibilityLevel.parse(
          body == null ? null : body.path("compatibility").asText(null));
    } catch (IllegalArgumentException e) {
      throw new ApiError(422, 42203, "Invalid compatibility level: " + e.getMessage());
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new TreeMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }
}
