package org.example.inquiry.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.registry.CompatibilityLevel;

/**
 * The released copies of every value schema, kept in the repository as {@code
 * released/<Record>/v<N>.avsc} (fully expanded, as a registry stores them), and the check that the
 * current schemas can still read all of them (BACKWARD_TRANSITIVE, the level the registry
 * enforces).
 *
 * <p>Run {@code main} with the released folder to add a new version for every schema that changed;
 * the build fails until a change is compatible.
 */
public final class ReleasedSchemas {

  /** The level every subject is registered under. */
  public static final CompatibilityLevel LEVEL = CompatibilityLevel.BACKWARD_TRANSITIVE;

  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  private final Path root;

  public ReleasedSchemas(Path root) {
    this.root = root;
  }

  /** The released versions of a record, oldest first; empty when never released. */
  public List<Schema> versions(String recordName) {
    Path dir = root.resolve(recordName);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted =
          files
              .filter(f -> VERSION_FILE.matcher(f.getFileName().toString()).matches())
              .sorted(Comparator.comparingInt(ReleasedSchemas::versionOf))
              .toList();
      List<Schema> schemas = new ArrayList<>();
      for (Path file : sorted) {
        schemas.add(new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks a schema against the released versions of its record.
   *
   * @return the incompatibilities; empty when the schema may be released
   */
  public List<String> check(Schema current) {
    return LEVEL.check(current, versions(current.getName()));
  }

  /** Checks every value schema in the topic catalogue; keyed by record name. */
  public Map<String, List<String>> checkCatalogue() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (TopicSpec topic : Topics.dataTopics()) {
      Schema schema = topic.valueSchema();
      List<String> found = check(schema);
      if (!found.isEmpty()) {
        problems.put(schema.getName(), found);
      }
    }
    return problems;
  }

  /** Writes the current schema as a new version when it differs from the latest released one. */
  public boolean release(Schema current) throws IOException {
    List<Schema> existing = versions(current.getName());
    if (!existing.isEmpty() && existing.get(existing.size() - 1).equals(current)) {
      return false;
    }
    List<String> problems = check(current);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          current.getName() + " is not " + LEVEL + " compatible: " + problems);
    }
    Path dir = Files.createDirectories(root.resolve(current.getName()));
    Files.writeString(
        dir.resolve("v" + (existing.size() + 1) + ".avsc"),
        current.toString(true) + "\n",
        StandardCharsets.UTF_8);
    return true;
  }

  private static int versionOf(Path file) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Releases every changed schema of the catalogue into the folder given as first argument. */
  public static void main(String[] args) throws IOException {
    ReleasedSchemas released = new ReleasedSchemas(Path.of(args.length > 0 ? args[0] : "released"));
    for (TopicSpec topic : Topics.dataTopics()) {
      Schema schema = topic.valueSchema();
      System.out.println(
          schema.getName() + (released.release(schema) ? ": released" : ": unchanged"));
    }
  }
}
