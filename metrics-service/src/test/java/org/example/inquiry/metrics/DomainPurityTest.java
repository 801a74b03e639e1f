package org.example.inquiry.metrics;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;

import org.example.inquiry.metrics.kpi.FactsFolder;
import org.example.inquiry.metrics.kpi.InquiryFacts;
import org.example.inquiry.metrics.kpi.KpiCalculator;
import org.example.inquiry.metrics.kpi.KpiPartial;
import org.example.inquiry.metrics.kpi.KpiShare;
import org.example.inquiry.testing.DomainPurity;
import org.junit.jupiter.api.Test;

/**
 * The KPI definitions (facts per inquiry, their folding, partials, shares and the calculation)
 * import no framework types; the topology, store, cluster and controller are the adapters.
 */
class DomainPurityTest {

  @Test
  void theKpiDefinitionsImportNoSpringKafkaOrHttpTypes() {
    DomainPurity.check(
        "org.example.inquiry.metrics",
        belongToAnyOf(
            InquiryFacts.class,
            FactsFolder.class,
            KpiPartial.class,
            KpiShare.class,
            KpiCalculator.class));
  }
}
