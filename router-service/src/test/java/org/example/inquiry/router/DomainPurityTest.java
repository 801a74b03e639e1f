package org.example.inquiry.router;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import org.example.inquiry.router.assignment.Assignment;
import org.example.inquiry.router.assignment.OpenAssignments;
import org.example.inquiry.router.routing.RouteDecision;
import org.example.inquiry.router.routing.Router;
import org.example.inquiry.router.routing.RoutingPolicy;
import org.example.inquiry.testing.DomainPurity;
import org.junit.jupiter.api.Test;

/** The router's rules (routing, priority, SLA, approvals, assignment) import no framework types. */
class DomainPurityTest {

  @Test
  void theRoutingRulesImportNoSpringKafkaOrHttpTypes() {
    DomainPurity.check(
        "org.example.inquiry.router",
        resideInAnyPackage(
                "org.example.inquiry.router.priority",
                "org.example.inquiry.router.sla",
                "org.example.inquiry.router.approval")
            .or(
                belongToAnyOf(
                    RoutingPolicy.class,
                    Router.class,
                    RouteDecision.class,
                    Assignment.class,
                    OpenAssignments.class)));
  }
}
