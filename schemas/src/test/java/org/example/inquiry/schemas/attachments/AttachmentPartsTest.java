package org.example.inquiry.schemas.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.example.inquiry.schemas.AttachmentContent;
import org.junit.jupiter.api.Test;

class AttachmentPartsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  private static byte[] random(int size) {
    byte[] content = new byte[size];
    new Random(size).nextBytes(content);
    return content;
  }

  @Test
  void aFileIsSplitIntoKeyedPartsAndJoinedBackWhole() throws Exception {
    for (int size :
        new int[] {
          0,
          1,
          AttachmentParts.PART_BYTES - 1,
          AttachmentParts.PART_BYTES,
          AttachmentParts.PART_BYTES + 1,
          3 * AttachmentParts.PART_BYTES + 17
        }) {
      byte[] content = random(size);
      List<AttachmentContent> parts = AttachmentParts.split(content, "application/pdf", NOW);

      assertThat(parts)
          .hasSize(
              Math.max(1, (size + AttachmentParts.PART_BYTES - 1) / AttachmentParts.PART_BYTES));
      String sha = AttachmentParts.sha256(content);
      for (AttachmentContent part : parts) {
        assertThat(part.getSha256()).isEqualTo(sha);
        assertThat(part.getParts()).isEqualTo(parts.size());
        assertThat(part.getSizeBytes()).isEqualTo(size);
        assertThat(part.getData().remaining()).isLessThanOrEqualTo(AttachmentParts.PART_BYTES);
        String key = AttachmentParts.key(sha, part.getPart());
        assertThat(key)
            .isGreaterThanOrEqualTo(AttachmentParts.firstKey(sha))
            .isLessThanOrEqualTo(AttachmentParts.lastKey(sha));
      }
      assertThat(AttachmentParts.join(sha, parts)).isEqualTo(content);
    }
  }

  @Test
  void keysSortAFilesPartsInOrder() {
    String sha = AttachmentParts.sha256(new byte[] {1});
    assertThat(AttachmentParts.key(sha, 2)).isLessThan(AttachmentParts.key(sha, 10));
    assertThat(AttachmentParts.key(sha, 0)).isEqualTo(sha + ":00000");
    assertThat(AttachmentParts.isSha256(sha)).isTrue();
    assertThat(AttachmentParts.isSha256(sha.toUpperCase())).isFalse();
    assertThat(AttachmentParts.isSha256("../../etc/passwd")).isFalse();
    assertThat(AttachmentParts.isSha256(null)).isFalse();
  }

  @Test
  void missingForeignOrAlteredPartsAreNotServedAsTheFile() {
    byte[] content = random(2 * AttachmentParts.PART_BYTES + 5);
    String sha = AttachmentParts.sha256(content);
    List<AttachmentContent> parts = AttachmentParts.split(content, "application/pdf", NOW);

    assertThatThrownBy(() -> AttachmentParts.join(sha, List.of()))
        .isInstanceOf(AttachmentParts.Incomplete.class)
        .hasMessageContaining("no part");
    assertThatThrownBy(() -> AttachmentParts.join(sha, parts.subList(0, 2)))
        .isInstanceOf(AttachmentParts.Incomplete.class)
        .hasMessageContaining("2 of the 3 parts");
    List<AttachmentContent> swapped = new ArrayList<>(parts);
    swapped.set(0, parts.get(1));
    swapped.set(1, parts.get(0));
    assertThatThrownBy(() -> AttachmentParts.join(sha, swapped))
        .isInstanceOf(AttachmentParts.Incomplete.class);
    List<AttachmentContent> altered = new ArrayList<>(parts);
    AttachmentContent changed = AttachmentContent.newBuilder(parts.get(2)).build();
    changed.setData(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9}));
    altered.set(2, changed);
    assertThatThrownBy(() -> AttachmentParts.join(sha, altered))
        .isInstanceOf(AttachmentParts.Incomplete.class)
        .hasMessageContaining("do not make the file");
    List<AttachmentContent> other = AttachmentParts.split(random(10), "text/plain", NOW);
    assertThatThrownBy(() -> AttachmentParts.join(sha, other))
        .isInstanceOf(AttachmentParts.Incomplete.class);
  }
}
