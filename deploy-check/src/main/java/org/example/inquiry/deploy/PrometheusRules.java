package org.example.inquiry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code PrometheusRule} (Prometheus Operator) carrying the alerting rules of {@code
 * deploy/prometheus/alerts.yml}, which {@code promtool} checks: one source for the local
 * Prometheus, compose and Kubernetes.
 */
public final class PrometheusRules {

  static final String HEADER =
      "# Generated from deploy/prometheus/alerts.yml (checked by promtool); do not edit. Regenerate:\n"
          + "# ./mvnw -B -pl deploy-check -am test -Dtest=GeneratedManifestsTest\n"
          + "# -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.write=true\n";

  private PrometheusRules() {}

  public static Map<String, Object> fromAlerts(Path alerts) {
    JsonNode rules = Yaml.documents(alerts).get(0);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "inquiry-platform");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/part-of", "inquiry-platform");
    // The label the Prometheus Operator's ruleSelector picks rules by (kube-prometheus-stack's
    // default).
    labels.put("release", "prometheus");
    metadata.put("labels", labels);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("apiVersion", "monitoring.coreos.com/v1");
    rule.put("kind", "PrometheusRule");
    rule.put("metadata", metadata);
    rule.put("spec", Map.of("groups", rules.path("groups")));
    return rule;
  }

  public static String render(Path alerts) {
    return Yaml.write(HEADER, List.of(fromAlerts(alerts)));
  }
}
