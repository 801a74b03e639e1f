package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void computesPerClassFiguresAccuracyAndMacroF1() {
    // a: 2 expected, predicted a,b -> tp 1; b: 1 expected, predicted b -> tp 1; c predicted once.
    Evaluation e = Evaluation.of(List.of("a", "a", "b", "b"), List.of("a", "b", "b", "c"));

    assertThat(e.accuracy()).isEqualTo(0.5);
    assertThat(e.perClass().get("a").precision()).isEqualTo(1.0);
    assertThat(e.perClass().get("a").recall()).isEqualTo(0.5);
    assertThat(e.perClass().get("a").f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(e.perClass().get("b").precision()).isEqualTo(0.5);
    assertThat(e.perClass().get("b").recall()).isEqualTo(0.5);
    assertThat(e.perClass().get("c").f1()).isZero();
    assertThat(e.perClass().get("c").support()).isZero();
    assertThat(e.macroF1()).isCloseTo((2 / 3.0 + 0.5 + 0) / 3, within(1e-12));
  }

  @Test
  void theReportEndsWithTheSummaryLine() {
    List<String> report = Evaluation.of(List.of("x", "y", "y"), List.of("x", "y", "x")).report();

    assertThat(report.get(report.size() - 1)).isEqualTo("accuracy=0.6667 macro_f1=0.6667");
    assertThat(report).anyMatch(l -> l.startsWith("x ") && l.contains("0.5000"));
  }
}
