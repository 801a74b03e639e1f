package org.example.inquiry.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rule that a service's domain (its rules: policies, workflows, value types) imports no
 * Spring, Kafka or HTTP types, so it is tested without a broker or a server and stays the same
 * whatever carries it. Each service's {@code DomainPurityTest} names its domain.
 */
public final class DomainPurity {

  /** Packages the domain may not depend on. */
  public static final String[] FRAMEWORKS = {
    "org.springframework..",
    "org.apache.kafka..",
    "jakarta.servlet..",
    "jakarta.ws.rs..",
    "java.net.http..",
    "io.netty..",
    "reactor.."
  };

  private DomainPurity() {}

  /** Fails, naming every offending dependency, when a domain class uses a framework type. */
  public static void check(String basePackage, DescribedPredicate<JavaClass> domain) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
    noClasses()
        .that(domain)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("the domain decides; adapters carry it (Spring, Kafka, HTTP)")
        .check(classes);
  }
}
