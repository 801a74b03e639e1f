package org.example.inquiry.resolution.cases.web;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.example.inquiry.resolution.cases.processing.CaseTopology;
import org.example.inquiry.schemas.AttachmentContent;
import org.example.inquiry.schemas.attachments.AttachmentParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The content of attached files, from the global store every resolution instance keeps of {@code
 * attachment-contents}: whichever instance is asked has it. Parts are joined and checked against
 * the file's SHA-256 before anything is served ({@link AttachmentParts#join}).
 */
@Component
class AttachmentFiles {

  private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

  private final KeyValueView<SpecificRecord> parts;

  AttachmentFiles(StoreQueries stores) {
    this.parts = stores.keyValue(CaseTopology.ATTACHMENTS_STORE, "The attachment store");
  }

  /**
   * Whether every part of the file is here (its first and last part; the content is checked whole
   * when it is read). False while the store is not available.
   */
  boolean stored(String sha256) {
    if (!AttachmentParts.isSha256(sha256)) {
      return false;
    }
    try {
      return parts
          .get(AttachmentParts.firstKey(sha256))
          .filter(AttachmentContent.class::isInstance)
          .map(AttachmentContent.class::cast)
          .map(first -> parts.get(AttachmentParts.key(sha256, first.getParts() - 1)).isPresent())
          .orElse(false);
    } catch (StoreUnavailableException e) {
      return false;
    }
  }

  /**
   * The file's content, whole and checked; empty when it is not stored (its channel delivered no
   * content) or not completely. Blocking.
   *
   * @throws StoreUnavailableException while the store is not available (start-up)
   */
  Optional<byte[]> content(String sha256) {
    List<AttachmentContent> found =
        parts.range(AttachmentParts.firstKey(sha256), AttachmentParts.lastKey(sha256)).stream()
            .filter(AttachmentContent.class::isInstance)
            .map(AttachmentContent.class::cast)
            .toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AttachmentParts.join(sha256, found));
    } catch (AttachmentParts.Incomplete e) {
      log.warn("Attachment {} is not served: {}", sha256, e.getMessage());
      return Optional.empty();
    }
  }
}
