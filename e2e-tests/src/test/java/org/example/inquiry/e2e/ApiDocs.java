package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operations the five services publish in their OpenAPI documents ({@code GET /v3/api-docs},
 * fetched without a token), with the roles each one declares in {@code x-roles}, and sample
 * requests built from their schemas, so tests over "every endpoint" follow the documents and a new
 * endpoint cannot escape them.
 */
final class ApiDocs {

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<String> ROLES =
      List.of("channel", "agent", "approver", "supervisor", "auditor", "finance-system");

  /** One documented operation. */
  record Operation(
      String service,
      String method,
      String path,
      List<String> roles,
      List<String> pathParams,
      List<Map.Entry<String, JsonNode>> requiredQuery,
      String contentType,
      JsonNode bodySchema,
      boolean bodyRequired,
      JsonNode document) {

    String name() {
      return service.replace("-service", "") + " " + method + " " + path;
    }

    /** The path with every parameter replaced by {@code value(name)} (already encoded). */
    String url(PipelineUnderTest pipeline, Function<String, String> value) {
      String expanded = path;
      for (String param : pathParams) {
        expanded = expanded.replace("{" + param + "}", value.apply(param));
      }
      StringBuilder query = new StringBuilder();
      for (Map.Entry<String, JsonNode> q : requiredQuery) {
        query.append(query.isEmpty() ? "?" : "&").append(q.getKey()).append('=');
        query.append(ApiDocs.sample(q.getValue(), document).asText());
      }
      return pipeline.url(service) + expanded + query;
    }

    boolean isJson() {
      return contentType != null && contentType.contains("json");
    }

    /** A request body that satisfies the documented schema as far as the schema tells. */
    byte[] sampleBody() {
      if (contentType == null) {
        return null;
      }
      if (isJson()) {
        return bodySchema == null
            ? "{}".getBytes()
            : ApiDocs.sample(bodySchema, document).toString().getBytes();
      }
      if (contentType.equals("message/rfc822")) {
        return sampleEmail("role matrix " + System.nanoTime()).getBytes();
      }
      if (contentType.equals("text/csv")) {
        return path.contains("customers")
            ? resource("/customers.csv")
            : resource("/open-items.csv");
      }
      return new byte[0];
    }
  }

  private ApiDocs() {}

  static String sampleEmail(String subject) {
    return "From: Dana Ortiz <dana.ortiz@acme.example>\r\n"
        + "To: billing@inquiry.example\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Message-ID: <"
        + subject.replaceAll("[^A-Za-z0-9]", "")
        + "@acme.example>\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + "Please send a copy of invoice INV-2026-000123.\r\n";
  }

  static byte[] resource(String name) {
    try (var in = ApiDocs.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of every service, from documents fetched without a token (must be 200). */
  static List<Operation> load(PipelineUnderTest pipeline) {
    List<Operation> operations = new ArrayList<>();
    for (String service : PipelineUnderTest.SERVICES) {
      Http.Answer docs = Http.get(pipeline.url(service) + "/v3/api-docs", null);
      assertThat(docs.status())
          .as("GET /v3/api-docs of %s without a token: %s", service, docs.brief())
          .isEqualTo(200);
      JsonNode document;
      try {
        document = JSON.readTree(docs.body());
      } catch (IOException e) {
        throw new AssertionError(service + " /v3/api-docs is not JSON: " + docs.brief(), e);
      }
      Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
      while (paths.hasNext()) {
        Map.Entry<String, JsonNode> path = paths.next();
        Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
        while (methods.hasNext()) {
          Map.Entry<String, JsonNode> method = methods.next();
          if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
            continue;
          }
          operations.add(
              operation(service, path.getKey(), method.getKey(), method.getValue(), document));
        }
      }
    }
    return operations;
  }

  private static Operation operation(
      String service, String path, String method, JsonNode op, JsonNode document) {
    List<String> roles = null;
    if (op.has("x-roles")) {
      roles = new ArrayList<>();
      for (JsonNode role : op.get("x-roles")) {
        roles.add(role.asText());
      }
    }
    List<String> pathParams = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = resolve(p, document);
      if ("path".equals(param.path("in").asText())) {
        pathParams.add(param.path("name").asText());
      } else if ("query".equals(param.path("in").asText()) && param.path("required").asBoolean()) {
        query.add(Map.entry(param.path("name").asText(), param.path("schema")));
      }
    }
    String contentType = null;
    JsonNode schema = null;
    JsonNode body = resolve(op.path("requestBody"), document);
    if (body.has("content")) {
      Iterator<Map.Entry<String, JsonNode>> types = body.get("content").fields();
      if (types.hasNext()) {
        Map.Entry<String, JsonNode> first = types.next();
        contentType = first.getKey();
        schema = first.getValue().get("schema");
      }
    }
    return new Operation(
        service,
        method.toUpperCase(),
        path,
        roles,
        pathParams,
        query,
        contentType,
        schema,
        body.path("required").asBoolean(false),
        document);
  }

  static JsonNode resolve(JsonNode node, JsonNode document) {
    JsonNode current = node;
    for (int i = 0; i < 10 && current.has("$ref"); i++) {
      String ref = current.get("$ref").asText();
      JsonNode target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part);
      }
      current = target;
    }
    return current;
  }

  private static final List<String> CANDIDATES =
      List.of("x1", "USD", "example.com", "dana.ortiz@acme.example", "0".repeat(64), "1");

  /** A value the schema accepts as far as its type, enum, pattern, format and bounds tell. */
  static JsonNode sample(JsonNode schemaNode, JsonNode document) {
    return sample(schemaNode, document, 0);
  }

  private static JsonNode sample(JsonNode schemaNode, JsonNode document, int depth) {
    JsonNode schema = resolve(schemaNode, document);
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.has(combinator) && schema.get(combinator).size() > 0) {
        return sample(schema.get(combinator).get(0), document, depth);
      }
    }
    String type = type(schema);
    if (depth > 8) {
      return NODES.nullNode();
    }
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        var properties = schema.path("properties").fields();
        while (properties.hasNext()) {
          var property = properties.next();
          object.set(property.getKey(), sample(property.getValue(), document, depth + 1));
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(sample(schema.path("items"), document, depth + 1));
        return array;
      }
      case "number" -> {
        BigDecimal min =
            schema.has("minimum") ? schema.get("minimum").decimalValue() : BigDecimal.ONE;
        return NODES.numberNode(min.signum() > 0 ? min.max(BigDecimal.ONE) : BigDecimal.ONE);
      }
      case "integer" -> {
        return NODES.numberNode(
            schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
      }
      case "boolean" -> {
        return NODES.booleanNode(false);
      }
      default -> {
        return NODES.textNode(sampleString(schema));
      }
    }
  }

  static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    if (type != null) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  private static String sampleString(JsonNode schema) {
    if (schema.has("enum") && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0).asText();
    }
    String format = schema.path("format").asText();
    switch (format) {
      case "email" -> {
        return "dana.ortiz@acme.example";
      }
      case "date" -> {
        return "2027-06-30";
      }
      case "date-time" -> {
        return "2027-06-30T00:00:00Z";
      }
      default -> {}
    }
    if (schema.has("pattern")) {
      String pattern = schema.get("pattern").asText();
      if (pattern.matches("\\^?[A-Z0-9_]+(\\|[A-Z0-9_]+)+\\$?")) {
        return pattern.replaceAll("[\\^$]", "").split("\\|")[0];
      }
      Pattern regex = Pattern.compile(pattern);
      for (String candidate : CANDIDATES) {
        if (regex.matcher(candidate).matches()) {
          return candidate;
        }
      }
    }
    int min = schema.path("minLength").asInt(1);
    return "x".repeat(Math.max(min, 1));
  }
}
