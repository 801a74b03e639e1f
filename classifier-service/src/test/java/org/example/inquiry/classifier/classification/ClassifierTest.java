package org.example.inquiry.classifier.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  static Classifier.Model model;

  @BeforeAll
  static void trainOnTheFixtureCorpus() throws Exception {
    try (InputStream in =
        ClassifierTest.class.getResourceAsStream("/corpus/finance-inquiries-fixture.csv")) {
      CorpusTraining.TrainedModel trained =
          CorpusTraining.train(
              FinanceCorpus.ofTemplates(in.readAllBytes()), TrainingOptions.defaults(), null);
      model = new Classifier.Model(trained.classifier(), trained.version());
    }
  }

  private final Classifier withModel = new Classifier(new KeywordRules(), model, 0.5, 0.3);
  private final Classifier rulesOnly = new Classifier(new KeywordRules(), null, 0.5, 0.3);

  @Test
  void theModelDecidesWhatNoRuleRecognises() {
    Classification result =
        withModel.classify("Account", "Could you raise the limit for our seasonal orders?", null);

    assertThat(result.triage()).isFalse();
    assertThat(result.decidedBy()).isEqualTo("MODEL");
    assertThat(result.types().get(0).type()).isEqualTo("credit-limit");
    assertThat(result.types().get(0).source()).isEqualTo("MODEL");
    assertThat(result.types().get(0).confidence()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void aTypeBothLayersProposeIsRuleAndModelAndMoreConfidentThanEither() {
    Classification result =
        withModel.classify("Copy", "Please send a copy of the invoice INV-2001 again.", null);

    Classification.TypeScore top = result.types().get(0);
    assertThat(top.type()).isEqualTo("invoice-copy");
    assertThat(top.source()).isEqualTo("RULE_AND_MODEL");
    double byModelAlone =
        model
            .classifier()
            .predict("Copy\nPlease send a copy of the invoice INV-2001 again.")
            .stream()
            .filter(s -> s.label().equals("invoice-copy"))
            .findFirst()
            .orElseThrow()
            .probability();
    assertThat(top.confidence()).isGreaterThan(byModelAlone).isGreaterThanOrEqualTo(0.5);
    assertThat(result.decidedBy()).isIn("RULES_AND_MODEL");
    assertThat(result.references()).extracting(ExtractedReference::value).contains("INV-2001");
    assertThat(result.firedRules()).contains("type:invoice-copy", "extract:invoice");
  }

  @Test
  void secondaryTypesAboveTheThresholdAreReportedWithTheMainOne() {
    Classification result =
        new Classifier(new KeywordRules(), model, 0.3, 0.15)
            .classify("Freight", "The goods came late and the freight charge was billed.", null);

    assertThat(result.types())
        .extracting(Classification.TypeScore::type)
        .contains("logistics-billing", "billing-discrepancy");
    assertThat(result.types())
        .isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
  }

  @Test
  void aRulesKeywordAloneIsNoSecondaryTypeTheModelMustGiveItSomeProbability() {
    String body = "Please send a copy of the invoice INV-2001; the delivery itself was fine.";

    Classification anyRule =
        new Classifier(new KeywordRules(), model, 0.0, 0.99, "CRITICAL", 0.0)
            .classify("Copy", body, null);
    Classification withFloor =
        new Classifier(new KeywordRules(), model, 0.0, 0.99, "CRITICAL", 1.0)
            .classify("Copy", body, null);

    assertThat(anyRule.firedRules()).contains("type:logistics-billing");
    assertThat(anyRule.types())
        .extracting(Classification.TypeScore::type)
        .contains("logistics-billing");
    assertThat(withFloor.types())
        .extracting(Classification.TypeScore::type)
        .containsExactly("invoice-copy");
  }

  @Test
  void theRoutingConfidenceCountsTheRoutedTypesTogether() {
    var lc = new Classification.TypeScore("letter-of-credit", 0.62, "MODEL");
    var logistics = new Classification.TypeScore("logistics-billing", 0.31, "MODEL");
    var ruleBoosted = new Classification.TypeScore("letter-of-credit", 0.95, "RULE_AND_MODEL");
    Map<String, Double> p =
        Map.of("letter-of-credit", 0.62, "logistics-billing", 0.31, "general", 0.07);

    assertThat(Classifier.routingConfidence(List.of(lc, logistics), p))
        .isCloseTo(0.93, Assertions.within(1e-9));
    assertThat(Classifier.routingConfidence(List.of(lc), p)).isEqualTo(0.62);
    assertThat(Classifier.routingConfidence(List.of(ruleBoosted, logistics), p)).isEqualTo(0.95);
  }

  @Test
  void lowModelConfidenceWithoutARuleGoesToTriageWithTheBestGuessAndTheReason() {
    Classification result =
        new Classifier(new KeywordRules(), model, 0.99, 0.99)
            .classify("Hello", "Quick question about our account.", null);

    assertThat(result.triage()).isTrue();
    assertThat(result.decidedBy()).isEqualTo("TRIAGE");
    assertThat(result.triageReason()).contains("below the triage threshold 0.99");
    assertThat(result.routingConfidence()).isLessThan(0.99);
    assertThat(result.types())
        .singleElement()
        .extracting(Classification.TypeScore::source)
        .isEqualTo("MODEL");
  }

  @Test
  void vetoedTypesAreRemovedFromTheModelsProposalsToo() {
    KeywordRules vetoRefund =
        new KeywordRules(
            List.of(
                new KeywordRules.Rule(
                    "veto:no-refund", KeywordRules.Action.VETO, "money back", "refund", null)),
            null);

    Classification result =
        new Classifier(vetoRefund, model, 0.0, 0.01)
            .classify("Money back", "We paid twice and want our money back.", null);

    assertThat(result.types()).extracting(Classification.TypeScore::type).doesNotContain("refund");
    assertThat(result.firedRules()).contains("veto:no-refund");
  }

  @Test
  void rulesAloneDecideWhenNoModelIsLoaded() {
    Classification result =
        rulesOnly.classify("Refund", "We want a refund, INV-7 is overdue", null);

    assertThat(result.decidedBy()).isEqualTo("RULES");
    assertThat(result.types()).extracting(Classification.TypeScore::type).containsExactly("refund");
    assertThat(result.urgency()).isEqualTo("HIGH");
    assertThat(rulesOnly.modelVersion()).isEmpty();
    assertThat(withModel.modelVersion()).get().asString().startsWith("tfidf-softmax-1+corpus.");
  }

  @Test
  void emptyBlankAndHugeInquiriesAreTriagedOrClassifiedWithoutFailing() {
    for (Classifier classifier : new Classifier[] {withModel, rulesOnly}) {
      for (String body : new String[] {"", "   \n\t ", null}) {
        Classification result = classifier.classify(" ", body, null);
        assertThat(result.triage()).isTrue();
        assertThat(result.triageReason()).contains("blank");
        assertThat(result.types())
            .singleElement()
            .extracting(Classification.TypeScore::type)
            .isEqualTo("general");
      }
      Classification huge =
          classifier.classify(
              "Big", "please send a copy of the invoice. " + "x".repeat(1_000_000), BigDecimal.ONE);
      assertThat(huge.types().get(0).type()).isEqualTo("invoice-copy");
      Classification hugeNoise = classifier.classify(null, "x".repeat(1_000_000), null);
      assertThat(hugeNoise.types()).isNotEmpty();
    }
  }
}
