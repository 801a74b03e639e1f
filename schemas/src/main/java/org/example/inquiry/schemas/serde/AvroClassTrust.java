package org.example.inquiry.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes from packages it does not trust. This adds the
 * platform's generated classes ({@code org.example.inquiry.*}) to the trusted set once per JVM,
 * keeping Avro's defaults and the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property.
 */
public final class AvroClassTrust {

  private static final String TRUSTED_PREFIX = "org.example.inquiry.";
  private static volatile boolean installed;

  private AvroClassTrust() {}

  public static void install() {
    if (installed) {
      return;
    }
    synchronized (AvroClassTrust.class) {
      if (!installed) {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(
            ClassSecurityValidator.composite(
                previous, type -> type.getName().startsWith(TRUSTED_PREFIX)));
        installed = true;
      }
    }
  }
}
