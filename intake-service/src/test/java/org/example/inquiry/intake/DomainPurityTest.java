package org.example.inquiry.intake;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;

import org.example.inquiry.intake.customers.CustomerLinking;
import org.example.inquiry.intake.customers.CustomerLookup;
import org.example.inquiry.intake.customers.CustomerProfile;
import org.example.inquiry.intake.customers.CustomerRegistration;
import org.example.inquiry.intake.email.EmailParser;
import org.example.inquiry.intake.email.ParsedEmail;
import org.example.inquiry.intake.registration.InquiryRegistration;
import org.example.inquiry.intake.registration.ReferenceCheck;
import org.example.inquiry.intake.registration.Submission;
import org.example.inquiry.testing.DomainPurity;
import org.junit.jupiter.api.Test;

/** Intake's rules (registration, linking, KYC, email parsing) import no framework types. */
class DomainPurityTest {

  @Test
  void intakesRulesImportNoSpringKafkaOrHttpTypes() {
    DomainPurity.check(
        "org.example.inquiry.intake",
        belongToAnyOf(
            InquiryRegistration.class,
            ReferenceCheck.class,
            Submission.class,
            CustomerLinking.class,
            CustomerLookup.class,
            CustomerProfile.class,
            CustomerRegistration.class,
            EmailParser.class,
            ParsedEmail.class));
  }
}
