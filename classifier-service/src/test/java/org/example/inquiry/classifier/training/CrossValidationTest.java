package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  private static List<LabelledText> data() {
    List<LabelledText> data = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      data.add(LabelledText.of("refund my money please " + i, "refund"));
      data.add(LabelledText.of("send a copy of the invoice " + i, "invoice-copy"));
    }
    for (int i = 0; i < 5; i++) {
      data.add(LabelledText.of("payment status of transfer " + i, "payment-status"));
    }
    return data;
  }

  @Test
  void foldsSpreadEveryLabelEvenlyAndDependOnlyOnTheSeed() {
    int[] folds = CrossValidation.stratifiedFolds(data(), 5, 7);

    int[][] perFoldAndLabel = new int[5][3];
    List<String> labels = List.of("refund", "invoice-copy", "payment-status");
    for (int i = 0; i < folds.length; i++) {
      perFoldAndLabel[folds[i]][labels.indexOf(data().get(i).label())]++;
    }
    for (int[] fold : perFoldAndLabel) {
      assertThat(fold).containsExactly(2, 2, 1);
    }
    assertThat(CrossValidation.stratifiedFolds(data(), 5, 7)).isEqualTo(folds);
  }

  @Test
  void theEngineBeatsTheMajorityClassOnSeparableData() {
    CrossValidation.Result engine =
        CrossValidation.ofEngine("engine", data(), 5, 1, TrainingOptions.defaults());
    CrossValidation.Result majority = CrossValidation.ofMajorityClass(data(), 5, 1);

    assertThat(engine.evaluation().accuracy()).isEqualTo(1.0);
    assertThat(majority.evaluation().accuracy()).isEqualTo(0.4);
    assertThat(engine.p95Micros()).isGreaterThanOrEqualTo(engine.p50Micros()).isPositive();
  }
}
