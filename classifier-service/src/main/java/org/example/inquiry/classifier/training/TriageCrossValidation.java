package org.example.inquiry.classifier.training;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.example.inquiry.classifier.classification.Classification;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.model.Calibration;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.SentenceEncoder;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;

/**
 * Chooses the triage threshold and the rule-secondary floor on the training corpus, never on the
 * evaluation set: the written training rows are split into k folds; for each fold the type model is
 * trained as the service trains it (template rows plus the other folds' written rows, temperature
 * fitted on the corpus's held-back written rows) and the service's decision (rules + model) is
 * taken on the fold's rows. Over the pooled decisions it reports, per threshold on the routing
 * confidence, the auto-routed share and its accuracy, and picks the lowest threshold at which the
 * auto-routed inquiries have their main type among their routed types (what the routing confidence
 * estimates) at least as often as the aim.
 */
public final class TriageCrossValidation {

  private TriageCrossValidation() {}

  /**
   * One held-out decision.
   *
   * @param gold the row's types, main first
   * @param decision the service's decision with triage off
   */
  public record Outcome(List<String> gold, Classification decision) {

    boolean mainRight() {
      return decision.types().get(0).type().equals(gold.get(0));
    }

    boolean mainRouted() {
      return decision.types().stream().anyMatch(t -> t.type().equals(gold.get(0)));
    }
  }

  /** The pooled held-out decisions of k folds over the corpus's written training rows. */
  public static List<List<Outcome>> run(
      FinanceCorpus corpus,
      TrainingOptions options,
      SentenceEncoder encoder,
      int folds,
      long seed,
      double secondaryThreshold,
      double[] ruleSecondaryFloors,
      PrintWriter log) {
    List<Datasets.CorpusRow> written =
        corpus.split("train").stream().filter(Datasets.CorpusRow::written).toList();
    List<LabelledText> templates =
        corpus.split("train").stream()
            .filter(r -> !r.written())
            .map(r -> r.example().withWeight(FinanceCorpus.weight(r)))
            .toList();
    List<LabelledText> calibration =
        corpus.split("test").stream()
            .filter(Datasets.CorpusRow::written)
            .map(Datasets.CorpusRow::example)
            .toList();
    int[] fold =
        CrossValidation.stratifiedFolds(
            written.stream().map(Datasets.CorpusRow::example).toList(), folds, seed);
    KeywordRules rules = new KeywordRules();
    List<List<Outcome>> out = new ArrayList<>();
    for (int f = 0; f < ruleSecondaryFloors.length; f++) {
      out.add(new ArrayList<>());
    }
    for (int k = 0; k < folds; k++) {
      long start = System.nanoTime();
      List<LabelledText> train = new ArrayList<>(templates);
      List<Datasets.CorpusRow> test = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        if (fold[i] == k) {
          test.add(written.get(i));
        } else {
          train.add(written.get(i).example().withWeight(FinanceCorpus.weight(written.get(i))));
        }
      }
      TextClassifier types = TextClassifier.train(train, options, encoder);
      types = Calibration.calibrate(types, calibration);
      Classifier.Model model = new Classifier.Model(types, "cv-fold-" + k);
      List<Classifier.Input> inputs =
          test.stream().map(r -> new Classifier.Input(r.subject(), r.body(), null)).toList();
      for (int f = 0; f < ruleSecondaryFloors.length; f++) {
        Classifier classifier =
            new Classifier(
                rules, model, 0.0, secondaryThreshold, "CRITICAL", ruleSecondaryFloors[f]);
        List<Classification> decisions = classifier.classifyAll(inputs);
        for (int i = 0; i < test.size(); i++) {
          out.get(f).add(new Outcome(test.get(i).types(), decisions.get(i)));
        }
      }
      log.printf(
          Locale.ROOT,
          "fold %d: trained on %d, decided %d in %d ms%n",
          k,
          train.size(),
          test.size(),
          (System.nanoTime() - start) / 1_000_000);
      log.flush();
    }
    return out;
  }

  /**
   * The lowest threshold (in steps of 0.01) at which the auto-routed inquiries have their main type
   * among their routed types at least as often as {@code aim}.
   */
  public static double threshold(List<Outcome> outcomes, double aim) {
    for (int step = 0; step <= 100; step++) {
      double t = step / 100.0;
      int n = 0;
      int right = 0;
      for (Outcome o : outcomes) {
        if (o.decision().routingConfidence() >= t) {
          n++;
          right += o.mainRouted() ? 1 : 0;
        }
      }
      if (n > 0 && (double) right / n >= aim) {
        return t;
      }
    }
    return 1.0;
  }

  /** Auto-routed share and accuracies at a routing-confidence threshold, one line. */
  public static String atThreshold(List<Outcome> outcomes, double t) {
    int n = 0;
    int right = 0;
    int routed = 0;
    for (Outcome o : outcomes) {
      if (o.decision().routingConfidence() >= t) {
        n++;
        right += o.mainRight() ? 1 : 0;
        routed += o.mainRouted() ? 1 : 0;
      }
    }
    return String.format(
        Locale.ROOT,
        "threshold=%.2f auto_routed_share=%.4f main_type_accuracy=%.4f main_type_routed=%.4f",
        t,
        (double) n / outcomes.size(),
        n == 0 ? 0 : (double) right / n,
        n == 0 ? 0 : (double) routed / n);
  }

  /** Secondary-type recall and precision of the decisions, one line. */
  public static String secondary(List<Outcome> outcomes) {
    int gold = 0;
    int found = 0;
    int predicted = 0;
    int right = 0;
    int exact = 0;
    for (Outcome o : outcomes) {
      List<String> got = o.decision().types().stream().map(Classification.TypeScore::type).toList();
      Set<String> goldSet = new HashSet<>(o.gold());
      exact += goldSet.equals(new HashSet<>(got)) ? 1 : 0;
      for (String g : o.gold().subList(1, o.gold().size())) {
        gold++;
        found += got.contains(g) ? 1 : 0;
      }
      for (String p : got.subList(1, got.size())) {
        predicted++;
        right += goldSet.contains(p) ? 1 : 0;
      }
    }
    return String.format(
        Locale.ROOT,
        "secondary gold=%d recall=%.4f predicted=%d precision=%.4f exact_type_sets=%.4f",
        gold,
        gold == 0 ? 0 : (double) found / gold,
        predicted,
        predicted == 0 ? 0 : (double) right / predicted,
        (double) exact / outcomes.size());
  }
}
