package org.example.inquiry.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API the platform uses. Implementations cache: a
 * schema id never changes its schema, and a registered (subject, schema) pair keeps its id.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The id of the schema if it is registered under the subject, without registering it. */
  int lookup(String subject, Schema schema);

  /** The latest version registered under the subject. */
  RegisteredSchema latest(String subject);

  /** Every subject the registry knows. */
  List<String> subjects();

  /** Whether the schema is compatible with the subject's versions under the subject's level. */
  boolean isCompatible(String subject, Schema schema);

  /** The compatibility level of the subject, falling back to the global level. */
  String compatibility(String subject);

  /** Sets the compatibility level of a subject, or the global one when subject is null. */
  void setCompatibility(String subject, String level);

  /** A schema as registered under a subject. */
  record RegisteredSchema(String subject, int version, int id, Schema schema) {}
}
