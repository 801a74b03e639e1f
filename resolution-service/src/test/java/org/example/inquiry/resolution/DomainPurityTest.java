package org.example.inquiry.resolution;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.example.inquiry.testing.DomainPurity;
import org.junit.jupiter.api.Test;

/**
 * The case domain ({@code resolution.cases}, not its adapters) imports no Spring, Kafka or HTTP.
 */
class DomainPurityTest {

  @Test
  void theCaseDomainImportsNoSpringKafkaOrHttpTypes() {
    DomainPurity.check(
        "org.example.inquiry.resolution", resideInAPackage("org.example.inquiry.resolution.cases"));
  }
}
