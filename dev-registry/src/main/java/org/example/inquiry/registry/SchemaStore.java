package org.example.inquiry.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.example.inquiry.schemas.registry.CompatibilityLevel;

/**
 * The registry's state and rules, without I/O: subjects with their versions, global schema ids, and
 * compatibility levels. {@link KafkaSchemaLog} replays the {@code _schemas} topic into it and
 * persists what it decides.
 */
final class SchemaStore {

  /** A schema as registered under a subject. */
  record Version(String subject, int version, int id, String schema) {}

  /** The outcome of a registration: an existing version, or a new one to persist. */
  record Registration(Version version, boolean isNew) {}

  private final CompatibilityLevel defaultLevel;
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  SchemaStore(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
    this.globalLevel = defaultLevel;
  }

  /** Applies a version read from the log. */
  synchronized void apply(Version version) {
    schemasById.put(version.id(), version.schema());
    idsByCanonical.putIfAbsent(canonical(parse(version.schema())), version.id());
    subjects
        .computeIfAbsent(version.subject(), s -> new TreeMap<>())
        .put(version.version(), version);
    maxId = Math.max(maxId, version.id());
  }

  /** Applies a compatibility setting read from the log; subject null means global. */
  synchronized void applyConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level == null ? defaultLevel : level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  /**
   * Decides a registration: the existing version when the subject already has this schema,
   * otherwise a new version after the compatibility check.
   *
   * @throws InvalidSchemaException when the text is not an Avro schema
   * @throws IncompatibleSchemaException when the subject's level refuses it
   */
  synchronized Registration register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    Optional<Version> existing = find(subject, schema);
    if (existing.isPresent()) {
      return new Registration(existing.get(), false);
    }
    List<String> problems = level(subject).check(schema, versionsOf(subject));
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" ("
              + level(subject)
              + "): "
              + String.join("; ", problems));
    }
    String canonical = canonical(schema);
    int id = idsByCanonical.getOrDefault(canonical, maxId + 1);
    TreeMap<Integer, Version> versions = subjects.get(subject);
    int next = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    return new Registration(new Version(subject, next, id, schema.toString()), true);
  }

  synchronized Optional<Version> find(String subject, Schema schema) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    if (versions == null) {
      return Optional.empty();
    }
    String canonical = canonical(schema);
    return versions.values().stream()
        .filter(v -> canonical(parse(v.schema())).equals(canonical))
        .findFirst();
  }

  synchronized Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  synchronized Optional<TreeMap<Integer, Version>> versions(String subject) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.of(new TreeMap<>(versions));
  }

  /** Subject-version pairs that use a schema id. */
  synchronized List<Version> usagesOf(int id) {
    List<Version> usages = new ArrayList<>();
    subjects
        .values()
        .forEach(vs -> vs.values().stream().filter(v -> v.id() == id).forEach(usages::add));
    return usages;
  }

  synchronized CompatibilityLevel level(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  /** Checks a schema against one version (or all, under a transitive level) of a subject. */
  synchronized List<String> checkAgainst(String subject, String schemaText, Integer version) {
    Schema schema = parse(schemaText);
    List<Schema> existing = versionsOf(subject);
    if (version != null && !level(subject).name().endsWith("TRANSITIVE")) {
      existing = List.of(parse(subjects.get(subject).get(version).schema()));
    }
    return level(subject).check(schema, existing);
  }

  private List<Schema> versionsOf(String subject) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().map(v -> parse(v.schema())).toList();
  }

  static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new InvalidSchemaException("Invalid schema: empty");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (SchemaParseException | NullPointerException e) {
      throw new InvalidSchemaException("Invalid schema: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidSchemaException("Invalid schema: " + e);
    }
  }

  /**
   * The parsed schema written back out: whitespace and formatting of the submitted text drop out.
   */
  private static String canonical(Schema schema) {
    return schema.toString();
  }

  /** The schema text is not valid Avro. */
  static final class InvalidSchemaException extends RuntimeException {
    InvalidSchemaException(String message) {
      super(message);
    }
  }

  /** The schema breaks the subject's compatibility level. */
  static final class IncompatibleSchemaException extends RuntimeException {
    IncompatibleSchemaException(String message) {
      super(message);
    }
  }
}
