package org.example.inquiry.deploy.keda;

import java.util.List;
import java.util.Map;

/** KEDA's {@code TriggerAuthentication} ({@code keda.sh/v1alpha1}): parameters from Secrets. */
public record TriggerAuthentication(String apiVersion, String kind, Metadata metadata, Spec spec) {

  public record Metadata(String name, String namespace, Map<String, String> labels) {}

  public record Spec(List<SecretTargetRef> secretTargetRef) {}

  public record SecretTargetRef(String parameter, String name, String key) {}
}
