package org.example.inquiry.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, decided with Avro's own {@link SchemaCompatibility}. Used by
 * the development registry and by the build's check against released schemas, so both judge alike.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Parses a level name as Confluent spells it; throws IllegalArgumentException when unknown. */
  public static CompatibilityLevel parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("compatibility level is missing");
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown compatibility level '" + name + "'; one of " + List.of(values()));
    }
  }

  /**
   * Checks a candidate schema against the existing versions of a subject.
   *
   * @param candidate the schema to be registered
   * @param existing the subject's versions, oldest first
   * @return why the candidate is incompatible; empty when it is compatible
   */
  public List<String> check(Schema candidate, List<Schema> existing) {
    List<String> problems = new ArrayList<>();
    if (this == NONE || existing.isEmpty()) {
      return problems;
    }
    List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
    for (int i = 0; i < against.size(); i++) {
      Schema old = against.get(i);
      String which = transitive ? "version " + (i + 1) : "the latest version";
      if (backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), which, "read")
            .forEach(problems::add);
      }
      if (forward) {
        describe(
                SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                which,
                "be read by")
            .forEach(problems::add);
      }
    }
    return problems;
  }

  private static List<String> describe(
      SchemaCompatibility.SchemaPairCompatibility result, String which, String verb) {
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      messages.add(
          "new schema cannot "
              + verb
              + " data of "
              + which
              + ": "
              + incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + " ("
              + incompatibility.getMessage()
              + ")");
    }
    return messages;
  }
}
