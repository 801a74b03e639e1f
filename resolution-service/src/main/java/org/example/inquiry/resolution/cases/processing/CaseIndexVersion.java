package org.example.inquiry.resolution.cases.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The version a task's case index is built under ({@link CaseTopology#DUE_STORE}): a hash of the
 * compiled case classes (the clocks, the ledger watch, the case and its JSON form all live in
 * {@code org.example.inquiry.resolution.cases}) and of the settings the watch depends on ({@link
 * org.example.inquiry.resolution.cases.CaseWorkflow#watchSettings()}). Any change of either, even
 * one that does not touch the watch, indexes the cases once more; a restart of the same build with
 * the same settings does not. Read from the class path however the service runs (classes directory,
 * plain or nested jar). Not covered: classes outside that package the watch reads through (the
 * schemas' enums, the JSON library); a change there that changes a case's watch must raise {@link
 * #FORMAT}.
 */
final class CaseIndexVersion {

  private static final Logger LOG = LoggerFactory.getLogger(CaseIndexVersion.class);

  /** Raised by hand when the watch changes through a class this version does not hash. */
  static final int FORMAT = 1;

  static final String CASE_CLASSES = "classpath*:org/example/inquiry/resolution/cases/**/*.class";

  private CaseIndexVersion() {}

  /**
   * The version, or null when the case classes cannot be read from the class path (then every start
   * indexes, as a version without this check did).
   */
  static String of(String watchSettings) {
    return of(watchSettings, CASE_CLASSES);
  }

  static String of(String watchSettings, String classesPattern) {
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver(CaseIndexVersion.class.getClassLoader())
              .getResources(classesPattern)) {
        String url = resource.getURL().toString();
        String name = url.substring(url.lastIndexOf("/resolution/cases/") + 1);
        try (InputStream in = resource.getInputStream()) {
          classes.merge(name, in.readAllBytes(), (a, b) -> concat(a, b));
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "Cannot read the case classes ({}): the case index is rebuilt at every start",
          e.toString());
      return null;
    }
    if (classes.isEmpty()) {
      LOG.warn("No case classes at {}: the case index is rebuilt at every start", classesPattern);
      return null;
    }
    MessageDigest sha = sha256();
    classes.forEach(
        (name, bytes) -> {
          sha.update(name.getBytes(StandardCharsets.UTF_8));
          sha.update(bytes);
        });
    sha.update(("format=" + FORMAT + ";" + watchSettings).getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
