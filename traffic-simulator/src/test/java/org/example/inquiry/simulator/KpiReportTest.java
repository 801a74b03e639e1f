package org.example.inquiry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.example.inquiry.client.PlatformClient;
import org.junit.jupiter.api.Test;

class KpiReportTest {

  @Test
  void rendersWhatTheKpiAnswerHolds() {
    String json =
        """
        {"groups":{"all":{"received":60,"resolved":41,"firstContactResolutionRate":0.8537,
          "firstResponseSeconds":{"count":45,"average":3.4,"p50":2,"p90":7},
          "resolutionSeconds":{"count":41,"average":95.0,"p50":61,"p90":4000},
          "averageCycleSeconds":{"received_to_classified":0.4,"received_to_first_approval":null},
          "openBacklog":19,"responseSlaAttainment":null,"csatPositiveRate":0.8,"csatResponses":30,
          "adjustments":{"CREDIT_NOTE/USD":12500.5},"writtenOff":{},
          "topTypes":[{"name":"dispute","count":7,"previous":0}]}},
         "stageEvents":{"received":60,"resolved":41},"deadLetters":{}}
        """;

    List<String> lines = KpiReport.lines(PlatformClient.json().readTree(json));

    assertThat(String.join("\n", lines))
        .contains("received                           60")
        .contains("first contact resolution rate      85.4 %")
        .contains(
            "first response seconds             45 measured: average 3.4 s, p50 2.0 s, p90 7.0 s")
        .contains("p90 1 h 06 min")
        .contains("received_to_classified 0.4 s, received_to_first_approval -")
        .contains("response sla attainment            -")
        .contains("csat positive rate                 80.0 %")
        .contains("adjustments                        CREDIT_NOTE/USD 12500.5")
        .contains("written off                        none")
        .contains("top types                          dispute 7 (before 0)")
        .contains("stage events                       received 60, resolved 41")
        .contains("dead letters                       none (0 dead-letter topics watched)");
  }

  @Test
  void saysSoWhenThereAreNoKpisYet() {
    assertThat(KpiReport.lines(PlatformClient.json().readTree("{\"groups\":{}}")))
        .containsExactly("  (no KPIs yet)                      ");
  }
}
