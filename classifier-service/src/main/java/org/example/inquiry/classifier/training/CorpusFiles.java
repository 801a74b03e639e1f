package org.example.inquiry.classifier.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads the finance corpus from Spring resource locations: the template CSV (absent is fine) and
 * every written JSON Lines file matching a pattern. Used alike by the service, the offline commands
 * and the build's model artifact.
 */
public final class CorpusFiles {

  /** Where the template corpus is by default. */
  public static final String TEMPLATE = "classpath:corpus/finance-inquiries.csv";

  /** Where the written corpus is by default. */
  public static final String WRITTEN = "classpath*:corpus/written/*.jsonl";

  private CorpusFiles() {}

  /**
   * The corpus, or null when neither the template CSV nor any written file exists.
   *
   * @param template location of the template CSV
   * @param written pattern of the written files; blank for none
   */
  public static FinanceCorpus load(
      ResourcePatternResolver resources, String template, String written) {
    try {
      byte[] csv = null;
      Resource templateResource = resources.getResource(template);
      if (templateResource.exists()) {
        try (InputStream in = templateResource.getInputStream()) {
          csv = in.readAllBytes();
        }
      }
      Map<String, byte[]> files = new TreeMap<>();
      if (written != null && !written.isBlank()) {
        for (Resource r : resources.getResources(written)) {
          try (InputStream in = r.getInputStream()) {
            files.put(r.getFilename(), in.readAllBytes());
          }
        }
      }
      if (csv == null && files.isEmpty()) {
        return null;
      }
      return FinanceCorpus.of(csv, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the training corpus", e);
    }
  }

  /** The default corpus from the classpath. */
  public static FinanceCorpus loadDefault() {
    return load(new PathMatchingResourcePatternResolver(), TEMPLATE, WRITTEN);
  }
}
