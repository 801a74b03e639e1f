package org.example.inquiry.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A {@code KafkaUser}'s simple-authorization rules as Kafka {@link AclBinding}s, as Strimzi's User
 * Operator creates them: a test broker enforcing exactly the ACLs of the manifests.
 */
public final class StrimziAcls {

  private StrimziAcls() {}

  /** The users of {@code deploy/k8s/base/kafka/users.yaml} under {@code root}. */
  public static List<KafkaUser> users(Path root) {
    return TypedManifests.parse(Yaml.documents(root.resolve("deploy/k8s/base/kafka/users.yaml")))
        .all(KafkaUser.class);
  }

  public static KafkaUser user(Path root, String name) {
    return users(root).stream()
        .filter(u -> u.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no KafkaUser " + name));
  }

  /** One binding per rule and operation. */
  public static List<AclBinding> bindings(KafkaUser user) {
    String principal = "User:" + user.getMetadata().getName();
    List<AclBinding> bindings = new ArrayList<>();
    if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
      return bindings;
    }
    for (AclRule rule : simple.getAcls()) {
      ResourcePattern pattern = pattern(rule);
      AclPermissionType permission =
          rule.getType() == AclRuleType.DENY ? AclPermissionType.DENY : AclPermissionType.ALLOW;
      String host = rule.getHost() == null ? "*" : rule.getHost();
      List<io.strimzi.api.kafka.model.user.acl.AclOperation> operations =
          rule.getOperations() != null ? rule.getOperations() : List.of(rule.getOperation());
      for (var operation : operations) {
        bindings.add(
            new AclBinding(
                pattern, new AccessControlEntry(principal, host, kafka(operation), permission)));
      }
    }
    return bindings;
  }

  static AclOperation kafka(io.strimzi.api.kafka.model.user.acl.AclOperation operation) {
    String camel = operation.toValue();
    String upper = camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    return AclOperation.valueOf(upper);
  }

  private static ResourcePattern pattern(AclRule rule) {
    var resource = rule.getResource();
    if (resource instanceof AclRuleTopicResource topic) {
      return new ResourcePattern(ResourceType.TOPIC, topic.getName(), type(topic.getPatternType()));
    }
    if (resource instanceof AclRuleGroupResource group) {
      return new ResourcePattern(ResourceType.GROUP, group.getName(), type(group.getPatternType()));
    }
    if (resource instanceof AclRuleTransactionalIdResource id) {
      return new ResourcePattern(
          ResourceType.TRANSACTIONAL_ID, id.getName(), type(id.getPatternType()));
    }
    if (resource instanceof AclRuleClusterResource) {
      return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    }
    throw new IllegalArgumentException("unsupported ACL resource " + resource);
  }

  private static PatternType type(AclResourcePatternType type) {
    return type == AclResourcePatternType.PREFIX ? PatternType.PREFIXED : PatternType.LITERAL;
  }
}
