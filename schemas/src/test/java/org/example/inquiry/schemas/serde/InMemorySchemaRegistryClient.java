package org.example.inquiry.schemas.serde;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import org.example.inquiry.schemas.registry.SchemaRegistryClient;
import org.example.inquiry.schemas.registry.SchemaRegistryException;

/**
 * A registry in a map, for serde unit tests without HTTP; the real one is tested in dev-registry.
 */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<Integer, Schema> byId = new LinkedHashMap<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
  private int outageLookups;
  private int outageStatus;
  private int lookupsRefused;

  /**
   * The next {@code lookups} calls of {@link #getById} or {@link #register} fail as an outage
   * would: {@code status} -1 for an unreachable registry, or a 5xx.
   */
  synchronized void outage(int lookups, int status) {
    outageLookups = lookups;
    outageStatus = status;
  }

  /** How many lookups an outage refused. */
  synchronized int lookupsRefused() {
    return lookupsRefused;
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    failDuringOutage();
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    for (int id : versions) {
      if (byId.get(id).equals(schema)) {
        return id;
      }
    }
    List<Schema> existing = versions.stream().map(byId::get).toList();
    if (!CompatibilityLevel.BACKWARD_TRANSITIVE.check(schema, existing).isEmpty()) {
      throw new SchemaRegistryException(409, 409, "incompatible");
    }
    int id = byId.size() + 1;
    byId.put(id, schema);
    versions.add(id);
    return id;
  }

  private void failDuringOutage() {
    if (outageLookups > 0) {
      outageLookups--;
      lookupsRefused++;
      throw outageStatus < 0
          ? new SchemaRegistryException(
              "Schema registry unreachable", new ConnectException("refused"))
          : new SchemaRegistryException(outageStatus, outageStatus, "Service unavailable");
    }
  }

  @Override
  public synchronized Schema getById(int id) {
    failDuringOutage();
    Schema schema = byId.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "Schema not found");
    }
    return schema;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    for (int id : subjects.getOrDefault(subject, List.of())) {
      if (byId.get(id).equals(schema)) {
        return id;
      }
    }
    throw new SchemaRegistryException(404, 40403, "Schema not found");
  }

  @Override
  public RegisteredSchema latest(String subject) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String compatibility(String subject) {
    return CompatibilityLevel.BACKWARD_TRANSITIVE.name();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    throw new UnsupportedOperationException();
  }
}
