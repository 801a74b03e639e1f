package org.example.inquiry.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.junit.jupiter.api.Test;

/** The engine on BANKING77 (one stratified 80/20 split); skipped where the dataset is absent. */
class Banking77Test {

  // Relative to the module directory, where Surefire runs: the repository's sibling shared/.
  static final Path DATA = Path.of("../../shared/datasets/banking77/train.csv");

  @Test
  void holdOutAccuracyIsAtTheLevelOfTheCrossValidatedBenchmark() {
    assumeTrue(Files.isReadable(DATA), "BANKING77 not available at " + DATA.toAbsolutePath());
    List<LabelledText> data = Datasets.readTextCategory(DATA);
    int[] fold = CrossValidation.stratifiedFolds(data, 5, 42);
    List<LabelledText> train = new ArrayList<>();
    List<LabelledText> test = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      (fold[i] == 0 ? test : train).add(data.get(i));
    }

    TextClassifier model = TextClassifier.train(train, TrainingOptions.defaults());
    Evaluation evaluation =
        Evaluation.of(
            test.stream().map(LabelledText::label).toList(),
            test.stream().map(e -> model.predict(e.text()).get(0).label()).toList());

    assertThat(data).hasSize(10_003);
    assertThat(model.labels()).hasSize(77);
    assertThat(evaluation.accuracy()).isGreaterThan(0.88);
    assertThat(evaluation.macroF1()).isGreaterThan(0.88);
  }
}
