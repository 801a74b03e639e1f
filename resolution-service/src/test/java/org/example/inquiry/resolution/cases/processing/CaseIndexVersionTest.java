package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseIndexVersionTest {

  @Test
  void theServicesCaseClassesAndTheWatchSettingsMakeOneStableVersion() {
    String version = CaseIndexVersion.of("warnAt=0.75");

    assertThat(version).startsWith("sha256:").hasSize("sha256:".length() + 64);
    assertThat(CaseIndexVersion.of("warnAt=0.75")).isEqualTo(version);
    assertThat(CaseIndexVersion.of("warnAt=0.8")).isNotEqualTo(version);
  }

  @Test
  void anyChangedAddedOrRemovedCaseClassMakesAnotherVersion(@TempDir Path root) throws IOException {
    Path cases = Files.createDirectories(root.resolve("org/example/inquiry/resolution/cases"));
    String pattern = root.toUri() + "org/example/inquiry/resolution/cases/**/*.class";
    Files.write(cases.resolve("SlaClock.class"), new byte[] {1, 2, 3});
    Files.createDirectories(cases.resolve("processing"));
    Files.write(cases.resolve("processing/CaseJson.class"), new byte[] {4, 5});
    String first = CaseIndexVersion.of("s", pattern);

    assertThat(CaseIndexVersion.of("s", pattern)).isEqualTo(first);
    Files.write(cases.resolve("SlaClock.class"), new byte[] {1, 2, 4});
    String changed = CaseIndexVersion.of("s", pattern);
    assertThat(changed).isNotEqualTo(first);
    Files.write(cases.resolve("LedgerWatch.class"), new byte[] {9});
    String added = CaseIndexVersion.of("s", pattern);
    assertThat(added).isNotIn(first, changed);
    Files.delete(cases.resolve("LedgerWatch.class"));
    assertThat(CaseIndexVersion.of("s", pattern)).isEqualTo(changed);
    // the same bytes under another name
    Files.move(cases.resolve("SlaClock.class"), cases.resolve("SlaClock2.class"));
    assertThat(CaseIndexVersion.of("s", pattern)).isNotEqualTo(changed);
  }

  @Test
  void withoutCaseClassesThereIsNoVersionAndEveryStartIndexes() {
    assertThat(CaseIndexVersion.of("s", "classpath*:no/such/package/**/*.class")).isNull();
  }
}
