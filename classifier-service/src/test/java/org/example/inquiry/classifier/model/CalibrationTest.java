package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void eceIsTheCountWeightedGapBetweenConfidenceAndAccuracy() {
    // Bin 0.9-1.0: 4 predictions at 0.95, 2 right (accuracy 0.5); bin 0.5-0.6: 2 at 0.55, both
    // right.
    List<Double> confidence = List.of(0.95, 0.95, 0.95, 0.95, 0.55, 0.55);
    List<Boolean> correct = List.of(true, true, false, false, true, true);

    Calibration.Reliability r = Calibration.reliability(confidence, correct, 10);

    assertThat(r.ece()).isCloseTo(4 / 6.0 * 0.45 + 2 / 6.0 * 0.45, within(1e-9));
    assertThat(r.bins().get(9).count()).isEqualTo(4);
    assertThat(r.bins().get(9).accuracy()).isEqualTo(0.5);
    assertThat(r.report().get(r.report().size() - 1)).startsWith("ece=0.45");
  }

  @Test
  void perfectlyCalibratedPredictionsHaveZeroEce() {
    Calibration.Reliability r =
        Calibration.reliability(
            List.of(0.75, 0.75, 0.75, 0.75), List.of(true, true, true, false), 10);

    assertThat(r.ece()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void theFittedTemperatureSoftensAnOverconfidentModel() {
    // Labels are noisy: the same words mean either label, so a confident model is overconfident.
    List<LabelledText> train = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      train.add(LabelledText.of("resend invoice copy please " + i, i % 4 == 0 ? "b" : "a"));
      train.add(LabelledText.of("refund money back now " + i, i % 4 == 0 ? "a" : "b"));
    }
    TextClassifier model = TextClassifier.train(train, TrainingOptions.defaults().withEpochs(30));
    List<LabelledText> heldOut = new ArrayList<>();
    for (int i = 100; i < 140; i++) {
      heldOut.add(LabelledText.of("resend invoice copy please " + i, i % 4 == 0 ? "b" : "a"));
      heldOut.add(LabelledText.of("refund money back now " + i, i % 4 == 0 ? "a" : "b"));
    }

    TextClassifier calibrated = Calibration.calibrate(model, heldOut);
    double t = calibrated.temperature();
    TextClassifier sharpened = model.withTemperature(0.2);

    // Three in four held-out texts carry the label the model prefers: calibrated, it says ~0.75.
    double confidence = calibrated.predict("resend invoice copy please 107").get(0).probability();
    assertThat(confidence).isCloseTo(0.75, within(0.08));
    assertThat(sharpened.predict("resend invoice copy please 107").get(0).probability())
        .isGreaterThan(0.9);
    assertThat(Calibration.calibrate(sharpened, heldOut).temperature()).isEqualTo(t);
    assertThat(calibrated.predict("refund money back now 5").get(0).label())
        .isEqualTo(model.predict("refund money back now 5").get(0).label());
  }
}
