package org.example.inquiry.classifier;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

import org.example.inquiry.testing.DomainPurity;
import org.junit.jupiter.api.Test;

/**
 * The classifier's decision (rules, references, urgency, the model and its features) imports no
 * framework types: the listener and the configuration are the adapters around it.
 */
class DomainPurityTest {

  @Test
  void theClassificationRulesAndModelImportNoSpringKafkaOrHttpTypes() {
    DomainPurity.check(
        "org.example.inquiry.classifier",
        resideInAnyPackage(
                "org.example.inquiry.classifier.model",
                "org.example.inquiry.classifier.classification")
            .and(not(nameMatching(".*\\.InquiryReceivedListener(\\$.*)?"))));
  }
}
