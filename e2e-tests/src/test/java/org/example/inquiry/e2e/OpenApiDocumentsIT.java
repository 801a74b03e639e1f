package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI documents checked in under {@code docs/openapi/} are what the five running services
 * publish ({@code GET /v3/api-docs}): a changed endpoint, parameter, schema or role shows up in the
 * diff of a change, and clients can be generated from the repository without a running stack. With
 * {@code -Dopenapi.write=true} the test writes them instead: {@code ./mvnw -B verify -pl e2e-tests
 * -Dit.test=OpenApiDocumentsIT -Dopenapi.write=true}.
 */
@ExtendWith(SharedPipeline.class)
class OpenApiDocumentsIT {

  static final Path DOCS = Path.of("..", "docs", "openapi").toAbsolutePath().normalize();

  /** Sorted keys and indentation, so the committed file and the comparison are stable. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Test
  void theCheckedInDocumentsAreWhatTheRunningServicesPublish() throws IOException {
    PipelineUnderTest pipeline = SharedPipeline.get();
    boolean write = Boolean.getBoolean("openapi.write");
    List<String> stale = new ArrayList<>();
    for (String service : PipelineUnderTest.SERVICES) {
      Http.Answer answer = Http.get(pipeline.url(service) + "/v3/api-docs", null);
      assertThat(answer.status()).as(service + " /v3/api-docs").isEqualTo(200);
      String published = normalised(JSON.readTree(answer.body()));
      Path file = DOCS.resolve(service + ".json");
      if (write) {
        Files.createDirectories(DOCS);
        Files.writeString(file, published);
      }
      assertThat(file).as(service + ": no checked-in OpenAPI document (see this test)").exists();
      if (!Files.readString(file).equals(published)) {
        stale.add(service);
        Files.createDirectories(Path.of("target", "api-docs"));
        Files.writeString(Path.of("target", "api-docs", service + ".published.json"), published);
      }
    }
    assertThat(stale)
        .as(
            "docs/openapi/<service>.json differs from the running service's /v3/api-docs (the"
                + " published one is in e2e-tests/target/api-docs/); regenerate with"
                + " -Dopenapi.write=true after reviewing the change")
        .isEmpty();
  }

  /**
   * The document without what depends on where it runs (the server URLs carry the test's random
   * ports), re-serialised with sorted keys and a trailing newline.
   */
  static String normalised(JsonNode document) throws IOException {
    ObjectNode copy = document.deepCopy();
    copy.remove("servers");
    Object tree = JSON.treeToValue(copy, Object.class);
    return JSON.writeValueAsString(tree) + "\n";
  }
}
