package org.example.inquiry.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.deploy.keda.ScaledObject;
import org.example.inquiry.deploy.keda.TriggerAuthentication;

/**
 * Kubernetes manifests parsed into typed models: the fabric8 Kubernetes and Prometheus Operator
 * classes, Strimzi's API classes, and this project's KEDA records. A field the model does not know
 * fails the parsing: the KEDA records through Jackson, the fabric8 and Strimzi classes (which keep
 * unknown fields in an {@code additionalProperties} map rather than refusing them) through a walk
 * of the parsed object that fails on any non-empty one.
 */
public final class TypedManifests {

  /** {@code apiVersion/kind} to model class. */
  public static final Map<String, Class<?>> MODELS = models();

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private final Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();

  private TypedManifests() {}

  /** Parses every resource; fails on an unknown kind or an unknown field, naming both. */
  public static TypedManifests parse(List<? extends JsonNode> resources) {
    TypedManifests manifests = new TypedManifests();
    for (JsonNode resource : resources) {
      String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
      String where = type + " " + resource.path("metadata").path("name").asText();
      Class<?> model = MODELS.get(type);
      if (model == null) {
        throw new IllegalArgumentException(
            where
                + ": no typed model for this apiVersion and kind (known: "
                + MODELS.keySet()
                + ")");
      }
      Object parsed;
      try {
        parsed = STRICT.treeToValue(resource, model);
      } catch (Exception e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      List<String> unknown = new ArrayList<>();
      unknownFields(parsed, "", unknown, new IdentityHashMap<>());
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(where + ": unknown fields " + unknown);
      }
      manifests.byType.computeIfAbsent(model, k -> new ArrayList<>()).add(parsed);
    }
    return manifests;
  }

  @SuppressWarnings("unchecked")
  public <T> List<T> all(Class<T> type) {
    return (List<T>) byType.getOrDefault(type, List.of());
  }

  public int count() {
    return byType.values().stream().mapToInt(List::size).sum();
  }

  /**
   * Collects the paths of non-empty {@code additionalProperties} maps in a parsed model (fabric8
   * and Strimzi classes keep unknown fields there).
   */
  static void unknownFields(
      Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
    if (value == null || seen.containsKey(value)) {
      return;
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object item : collection) {
        unknownFields(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!(pkg.startsWith("io.fabric8") || pkg.startsWith("io.strimzi"))) {
      return;
    }
    seen.put(value, Boolean.TRUE);
    for (Method method : value.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || Modifier.isStatic(method.getModifiers())
          || !method.getName().startsWith("get")
          || method.getName().equals("getClass")
          || IGNORED_GETTERS.contains(method.getName())) {
        continue;
      }
      Object child;
      try {
        child = method.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      String name =
          Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
      if (method.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
        }
        continue;
      }
      unknownFields(child, path.isEmpty() ? name : path + "." + name, unknown, seen);
    }
  }

  /** Derived getters of the models (computed, not fields). */
  private static final Set<String> IGNORED_GETTERS =
      Set.of(
          "getPlural",
          "getSingular",
          "getCRDName",
          "getScope",
          "getGroup",
          "getVersion",
          "getFullResourceName");

  private static Map<String, Class<?>> models() {
    Map<String, Class<?>> models = new LinkedHashMap<>();
    models.put("v1/ConfigMap", ConfigMap.class);
    models.put("v1/Secret", Secret.class);
    models.put("v1/Service", Service.class);
    models.put("apps/v1/Deployment", Deployment.class);
    models.put("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
    models.put("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);
    models.put("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);
    models.put("kafka.strimzi.io/v1/Kafka", Kafka.class);
    models.put("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class);
    models.put("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);
    models.put("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class);
    models.put("keda.sh/v1alpha1/ScaledObject", ScaledObject.class);
    models.put("keda.sh/v1alpha1/TriggerAuthentication", TriggerAuthentication.class);
    return Map.copyOf(models);
  }
}
