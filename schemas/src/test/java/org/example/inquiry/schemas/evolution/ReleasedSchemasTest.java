package org.example.inquiry.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's guard on schema evolution: current schemas must read every released version. */
class ReleasedSchemasTest {

  private static final Path RELEASED = Path.of("released");

  @Test
  void everyCurrentSchemaIsBackwardTransitiveCompatibleWithItsReleasedCopies() {
    ReleasedSchemas released = new ReleasedSchemas(RELEASED);
    assertThat(released.versions("InquiryReceived")).isNotEmpty();
    assertThat(released.checkCatalogue()).isEmpty();
  }

  @Test
  void everyCatalogueSchemaHasBeenReleased() {
    ReleasedSchemas released = new ReleasedSchemas(RELEASED);
    for (var topic : Topics.dataTopics()) {
      List<Schema> versions = released.versions(topic.valueSchema().getName());
      assertThat(versions).as(topic.name()).isNotEmpty();
      assertThat(versions.get(versions.size() - 1))
          .as(
              "latest released copy of %s equals the current schema; run ReleasedSchemas.main",
              topic.valueSchema().getName())
          .isEqualTo(topic.valueSchema());
    }
  }

  @Test
  void aDeliberatelyBrokenCopyFailsTheCheck(@TempDir Path dir) throws IOException {
    // The broken copy adds a required field without default: new readers cannot read old data.
    Path brokenFile = Path.of("src/test/resources/broken/InquiryReceived.avsc");
    Schema broken = new Schema.Parser().parse(Files.readString(brokenFile));
    List<String> problems = new ReleasedSchemas(RELEASED).check(broken);
    assertThat(problems)
        .isNotEmpty()
        .anySatisfy(p -> assertThat(p).contains("READER_FIELD_MISSING_DEFAULT").contains("taxId"));
  }

  @Test
  void aRemovedEnumSymbolOrChangedTypeIsRefusedButAnOptionalFieldIsAccepted(@TempDir Path dir)
      throws IOException {
    ReleasedSchemas released = new ReleasedSchemas(dir);
    Schema v1 =
        SchemaBuilder.record("Sample").namespace("t").fields().requiredString("a").endRecord();
    assertThat(released.release(v1)).isTrue();
    Schema optionalAdded =
        SchemaBuilder.record("Sample")
            .namespace("t")
            .fields()
            .requiredString("a")
            .optionalString("b")
            .endRecord();
    assertThat(released.check(optionalAdded)).isEmpty();
    assertThat(released.release(optionalAdded)).isTrue();
    assertThat(released.release(optionalAdded)).isFalse();
    Schema typeChanged =
        SchemaBuilder.record("Sample").namespace("t").fields().requiredLong("a").endRecord();
    assertThat(released.check(typeChanged)).isNotEmpty();
    assertThatThrownBy(() -> released.release(typeChanged))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BACKWARD_TRANSITIVE");
  }

  @Test
  void transitiveCheckCatchesABreakAgainstAnOlderVersionOnly(@TempDir Path dir) throws IOException {
    ReleasedSchemas released = new ReleasedSchemas(dir);
    // v1 has no field c; v2 adds c with a default; v3 makes c required: v3 reads v2 but not v1.
    released.release(
        SchemaBuilder.record("S").namespace("t").fields().requiredString("a").endRecord());
    released.release(
        SchemaBuilder.record("S")
            .namespace("t")
            .fields()
            .requiredString("a")
            .name("c")
            .type()
            .stringType()
            .stringDefault("x")
            .endRecord());
    Schema v3 =
        SchemaBuilder.record("S")
            .namespace("t")
            .fields()
            .requiredString("a")
            .requiredString("c")
            .endRecord();
    assertThat(released.check(v3)).singleElement().asString().contains("version 1").contains("c");
  }

  @Test
  void generatedClassSchemaIsTheOneInTheCatalogue() {
    assertThat(InquiryReceived.getClassSchema().getFullName())
        .isEqualTo("org.example.inquiry.schemas.InquiryReceived");
  }
}
