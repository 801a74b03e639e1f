package org.example.inquiry.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the integration tests ({@code *IT}) of a module using {@link KafkaTestEnvironment} when the
 * tests are to run against a Testcontainers broker ({@code -Dinquiry.test.kafka=testcontainers})
 * and no Docker engine answers. Registered for every test on the class path through {@code
 * META-INF/services} (the root pom turns on JUnit's extension auto-detection for failsafe).
 */
public final class KafkaTestCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean integrationTest =
        context.getTestClass().map(c -> c.getSimpleName().endsWith("IT")).orElse(false);
    if (!integrationTest || context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("not an integration test class");
    }
    KafkaTestEnvironment.Mode mode = KafkaTestEnvironment.Mode.configured();
    if (mode == KafkaTestEnvironment.Mode.TESTCONTAINERS
        && !KafkaTestEnvironment.Docker.available()) {
      return ConditionEvaluationResult.disabled(
          KafkaTestEnvironment.MODE_PROPERTY
              + "=testcontainers, but no Docker engine answers: integration tests skipped");
    }
    return ConditionEvaluationResult.enabled("Kafka for the tests: " + mode);
  }
}
