package org.example.inquiry.deploy.keda;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code ScaledObject} ({@code keda.sh/v1alpha1}), the fields this project uses; no model of
 * it is published on Maven Central, so the manifest check parses it into these records, unknown
 * fields failing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {

  public record Metadata(
      String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {}

  public record Spec(
      ScaleTargetRef scaleTargetRef,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      Integer idleReplicaCount,
      Integer pollingInterval,
      Integer cooldownPeriod,
      Advanced advanced,
      List<Trigger> triggers) {}

  public record ScaleTargetRef(String apiVersion, String kind, String name) {}

  public record Advanced(
      Boolean restoreToOriginalReplicaCount,
      HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {}

  public record HorizontalPodAutoscalerConfig(String name, Behavior behavior) {}

  public record Behavior(Rules scaleUp, Rules scaleDown) {}

  public record Rules(
      Integer stabilizationWindowSeconds, String selectPolicy, List<Policy> policies) {}

  public record Policy(String type, Integer value, Integer periodSeconds) {}

  /**
   * A trigger: {@code kafka} (consumer-group lag) or {@code cpu}; its metadata is KEDA's map of
   * strings, checked key by key by the test.
   */
  public record Trigger(
      String type,
      String name,
      String metricType,
      Map<String, String> metadata,
      AuthenticationRef authenticationRef) {}

  public record AuthenticationRef(String name, String kind) {}
}
