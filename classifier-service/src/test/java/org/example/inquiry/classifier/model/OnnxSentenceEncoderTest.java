package org.example.inquiry.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real encoders, bge-small-en-v1.5 and all-MiniLM-L6-v2 (each loads the ONNX model shipped in
 * its Maven artifact).
 */
class OnnxSentenceEncoderTest {

  static final Map<OnnxSentenceEncoder.Model, OnnxSentenceEncoder> ENCODERS =
      new EnumMap<>(OnnxSentenceEncoder.Model.class);

  @BeforeAll
  static void load() {
    for (OnnxSentenceEncoder.Model model : OnnxSentenceEncoder.Model.values()) {
      ENCODERS.put(model, new OnnxSentenceEncoder(model, 2));
    }
  }

  @Test
  void theDefaultIsBgeSmallAndNamesSelectTheModels() {
    assertThat(new OnnxSentenceEncoder(OnnxSentenceEncoder.DEFAULT_MODEL, 1).version())
        .isEqualTo("bge-small-en-v15-q.1000");
    assertThat(OnnxSentenceEncoder.Model.named("minilm"))
        .isEqualTo(OnnxSentenceEncoder.Model.MINILM_L6_V2_Q);
    assertThatThrownBy(() -> OnnxSentenceEncoder.Model.named("bert"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use bge or minilm");
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @ParameterizedTest
  @EnumSource(OnnxSentenceEncoder.Model.class)
  void paraphrasesAreCloserThanUnrelatedInquiriesAndVectorsHaveUnitLength(
      OnnxSentenceEncoder.Model model) {
    OnnxSentenceEncoder encoder = ENCODERS.get(model);
    float[][] v =
        encoder.encode(
            List.of(
                "Could you send me a copy of invoice 4711?",
                "Please resend the invoice, we never got the PDF.",
                "Our letter of credit expires next week, please amend it."));

    assertThat(v[0]).hasSize(384);
    assertThat(cosine(v[0], v[0])).isCloseTo(1.0, within(1e-4));
    assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.05);
  }

  @ParameterizedTest
  @EnumSource(OnnxSentenceEncoder.Model.class)
  void aBatchGivesTheSameEmbeddingsAsOneByOneAndEmptyTextIsFine(OnnxSentenceEncoder.Model model) {
    OnnxSentenceEncoder encoder = ENCODERS.get(model);
    List<String> texts = List.of("refund please", "", "wire transfer in EUR");

    float[][] batch = encoder.encode(texts);

    for (int i = 0; i < texts.size(); i++) {
      float[] single = encoder.encode(List.of(texts.get(i)))[0];
      for (int d = 0; d < single.length; d++) {
        assertThat(batch[i][d]).isCloseTo(single[d], within(1e-5f));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(OnnxSentenceEncoder.Model.class)
  void batchedInferenceIsCloseToOneByOne(OnnxSentenceEncoder.Model model) {
    OnnxSentenceEncoder encoder = ENCODERS.get(model);
    List<String> texts =
        List.of(
            "refund please",
            "",
            "wire transfer in EUR",
            "Our letter of credit LC-77 expires next week; the shipment is delayed, please amend"
                + " the latest shipment date and adjust the invoice accordingly.");

    float[][] batch = encoder.encodeBatch(texts);
    float[][] single = encoder.encode(texts);

    for (int i = 0; i < texts.size(); i++) {
      assertThat(cosine(batch[i], batch[i])).isCloseTo(1.0, within(1e-4));
      assertThat(cosine(batch[i], single[i])).isGreaterThan(0.97);
    }
    assertThat(encoder.encodeBatch(List.of("refund please"))[0]).isEqualTo(single[0]);
  }
}
