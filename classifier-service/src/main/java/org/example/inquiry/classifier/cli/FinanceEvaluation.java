package org.example.inquiry.classifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.example.inquiry.classifier.classification.Classification;
import org.example.inquiry.classifier.classification.Classifier;
import org.example.inquiry.classifier.classification.KeywordRules;
import org.example.inquiry.classifier.config.ClassifierProperties;
import org.example.inquiry.classifier.model.Calibration;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusTraining;
import org.example.inquiry.classifier.training.Datasets;
import org.example.inquiry.classifier.training.FinanceCorpus;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate --inquiries set.jsonl}: the service's decision on a labelled finance evaluation
 * set, reported the way the issue asks: main type (service, model alone, rules alone), secondary
 * types, urgency against the constant baseline, calibration (reliability table, ECE), the
 * auto-routed share and its accuracy at the triage threshold, and latency per inquiry. Reads the
 * set only to score it; nothing here trains on it.
 */
final class FinanceEvaluation {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Inquiries per batch in the batched latency measurement (a listener poll's worth). */
  private static final int BATCH = 32;

  private FinanceEvaluation() {}

  static List<Datasets.CorpusRow> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Datasets.CorpusRow> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        rows.add(FinanceCorpus.written(JSON.readTree(lines.get(i))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + " is not an inquiry: " + e.getMessage(), e);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " has no inquiries");
    }
    return rows;
  }

  static void run(
      PrintWriter out,
      Path file,
      EngineOptions engine,
      Double triageThreshold,
      TrainingOptions options,
      double[] urgencyCascades) {
    List<Datasets.CorpusRow> rows = read(file);
    ClassifierProperties properties =
        ServiceClassifier.properties(engine.cacheDir, triageThreshold);
    properties =
        new ClassifierProperties(
            properties.triageThreshold(),
            properties.secondaryThreshold(),
            properties.corpus(),
            properties.writtenCorpus(),
            engine.encoderModel() != null,
            engine.encoderModel() == null ? properties.encoder() : engine.encoderName(),
            properties.modelCacheDir(),
            properties.urgencyOverride(),
            properties.largeAmountThreshold(),
            properties.replaceDefaultRules(),
            properties.rules(),
            properties.retrain());
    Classifier service = ServiceClassifier.create(properties, options, out);
    Classifier rulesAlone =
        new Classifier(
            new KeywordRules(KeywordRules.defaultRules(), properties.largeAmountThreshold()),
            null,
            properties.triageThreshold(),
            properties.secondaryThreshold());
    // Warm-up (not measured): the first inquiries pay for JIT compilation and ONNX set-up.
    for (Datasets.CorpusRow r : rows.subList(0, Math.min(20, rows.size()))) {
      service.classify(r.subject(), r.body(), null);
    }
    Latencies latencies = new Latencies();
    List<Classification> decisions = new ArrayList<>();
    for (Datasets.CorpusRow r : rows) {
      long t0 = System.nanoTime();
      decisions.add(service.classify(r.subject(), r.body(), null));
      latencies.add(System.nanoTime() - t0);
    }
    // Batches through a classifier of its own: the first one's memo of recent embeddings holds
    // every text by now, and would make the batches look free.
    Classifier fresh =
        ServiceClassifier.create(properties, options, new PrintWriter(Writer.nullWriter()));
    Latencies batched = new Latencies();
    for (int from = 0; from + BATCH <= rows.size(); from += BATCH) {
      List<Classifier.Input> inputs =
          rows.subList(from, from + BATCH).stream()
              .map(r -> new Classifier.Input(r.subject(), r.body(), null))
              .toList();
      long t0 = System.nanoTime();
      fresh.classifyAll(inputs);
      batched.add((System.nanoTime() - t0) / BATCH);
    }
    List<String> expected = rows.stream().map(r -> r.types().get(0)).toList();
    List<String> predicted = decisions.stream().map(d -> d.types().get(0).type()).toList();
    List<String> modelAlone =
        service
            .model()
            .map(
                m ->
                    m
                        .classifier()
                        .predictAll(
                            rows.stream().map(r -> InquiryText.of(r.subject(), r.body())).toList())
                        .stream()
                        .map(p -> p.get(0).label())
                        .toList())
            .orElse(null);
    List<Classification> byRules =
        rows.stream().map(r -> rulesAlone.classify(r.subject(), r.body(), null)).toList();

    out.printf(
        Locale.ROOT,
        "evaluation=%s inquiries=%d model=%s triage_threshold=%.2f%n",
        file,
        rows.size(),
        service.modelVersion().orElse("none"),
        properties.triageThreshold());
    out.println(latencies.summary());
    out.println(batched.summary("latency_per_inquiry_in_batches_of_" + BATCH));
    service
        .model()
        .ifPresent(
            m -> {
              List<String> typeTexts =
                  rows.stream().map(r -> InquiryText.of(r.subject(), r.body())).toList();
              List<String> urgencyTexts =
                  rows.stream()
                      .map(r -> CorpusTraining.urgencyText(r.subject(), r.body(), null))
                      .toList();
              out.printf(
                  Locale.ROOT,
                  "cascade confidence=%.2f answered_by_tfidf_alone types=%.4f urgency=%.4f%n",
                  m.classifier().options().cascadeConfidence(),
                  aloneShare(m.classifier(), typeTexts),
                  m.urgency() == null ? 0.0 : aloneShare(m.urgency(), urgencyTexts));
            });
    out.println("== main type: service decision (rules + model + triage) per class");
    Evaluation types = Evaluation.of(expected, predicted);
    types.report().forEach(out::println);
    out.printf(Locale.ROOT, "main_type service %s%n", types.summary());
    if (modelAlone != null) {
      out.printf(
          Locale.ROOT, "main_type model_alone %s%n", Evaluation.of(expected, modelAlone).summary());
    }
    out.printf(
        Locale.ROOT,
        "main_type rules_alone %s (triaged counted as wrong unless the guess is right)%n",
        Evaluation.of(expected, byRules.stream().map(d -> d.types().get(0).type()).toList())
            .summary());

    secondary(out, rows, decisions);
    urgency(out, rows, decisions, byRules);
    calibration(out, expected, decisions);
    triage(out, rows, decisions, properties.triageThreshold());
    for (double threshold : urgencyCascades) {
      // a classifier of its own each: an empty memo of recent embeddings, so the timing is fair
      compareUrgencyCascade(
          out,
          rows,
          ServiceClassifier.create(properties, options, new PrintWriter(Writer.nullWriter())),
          threshold);
    }
  }

  /**
   * The service decision with the urgency model's cascade at {@code threshold}: accuracy of the
   * main type and the urgency, the share of inquiries that needed an embedding (by either model),
   * and the time per inquiry in batches (a fresh memo of recent embeddings per threshold).
   */
  private static void compareUrgencyCascade(
      PrintWriter out, List<Datasets.CorpusRow> rows, Classifier base, double threshold) {
    Classifier.Model model = base.model().orElse(null);
    if (model == null || model.urgency() == null) {
      out.println("urgency_cascade: no urgency model");
      return;
    }
    TextClassifier urgency = model.urgency().withCascadeConfidence(threshold);
    Classifier at =
        base.withModel(new Classifier.Model(model.classifier(), urgency, model.version()));
    List<String> typeTexts = rows.stream().map(r -> InquiryText.of(r.subject(), r.body())).toList();
    List<String> urgencyTexts =
        rows.stream().map(r -> CorpusTraining.urgencyText(r.subject(), r.body(), null)).toList();
    boolean[] typeAlone = model.classifier().answeredAlone(typeTexts);
    boolean[] urgencyAlone = urgency.answeredAlone(urgencyTexts);
    int embedded = 0;
    for (int i = 0; i < rows.size(); i++) {
      // answeredAlone is false for every text of a model without an encoder: nothing is embedded
      boolean typeEmbeds = model.classifier().hasEncoder() && !typeAlone[i];
      boolean urgencyEmbeds = urgency.hasEncoder() && !urgencyAlone[i];
      embedded += typeEmbeds || urgencyEmbeds ? 1 : 0;
    }
    List<Classification> decisions = new ArrayList<>();
    Latencies batched = new Latencies();
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<Classifier.Input> inputs =
          rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
              .map(r -> new Classifier.Input(r.subject(), r.body(), null))
              .toList();
      long t0 = System.nanoTime();
      decisions.addAll(at.classifyAll(inputs));
      if (inputs.size() == BATCH) { // timed as the report's batches: full ones only
        batched.add((System.nanoTime() - t0) / BATCH);
      }
    }
    out.printf(
        Locale.ROOT,
        "urgency_cascade=%.4f main_type %s urgency %s embedded=%.4f %s%n",
        threshold,
        Evaluation.of(
                rows.stream().map(r -> r.types().get(0)).toList(),
                decisions.stream().map(d -> d.types().get(0).type()).toList())
            .summary(),
        Evaluation.of(
                rows.stream().map(Datasets.CorpusRow::urgency).toList(),
                decisions.stream().map(Classification::urgency).toList())
            .summary(),
        (double) embedded / rows.size(),
        batched.summary("latency_per_inquiry_in_batches_of_" + BATCH));
    out.flush();
  }

  private static void secondary(
      PrintWriter out, List<Datasets.CorpusRow> rows, List<Classification> decisions) {
    int goldSecondary = 0;
    int foundSecondary = 0;
    int predictedSecondary = 0;
    int rightSecondary = 0;
    int multi = 0;
    int exactSets = 0;
    for (int i = 0; i < rows.size(); i++) {
      List<String> gold = rows.get(i).types();
      List<String> got =
          decisions.get(i).types().stream().map(Classification.TypeScore::type).toList();
      Set<String> goldSet = new HashSet<>(gold);
      if (goldSet.equals(new HashSet<>(got))) {
        exactSets++;
      }
      if (gold.size() > 1) {
        multi++;
      }
      for (String g : gold.subList(1, gold.size())) {
        goldSecondary++;
        if (got.contains(g)) {
          foundSecondary++;
        }
      }
      for (String p : got.subList(1, got.size())) {
        predictedSecondary++;
        if (goldSet.contains(p)) {
          rightSecondary++;
        }
      }
    }
    out.println("== secondary types");
    out.printf(
        Locale.ROOT,
        "secondary inquiries_with_two_or_more_types=%d gold_secondary=%d recall=%.4f"
            + " predicted_secondary=%d precision=%.4f exact_type_sets=%.4f%n",
        multi,
        goldSecondary,
        goldSecondary == 0 ? 0 : (double) foundSecondary / goldSecondary,
        predictedSecondary,
        predictedSecondary == 0 ? 0 : (double) rightSecondary / predictedSecondary,
        (double) exactSets / rows.size());
  }

  private static void urgency(
      PrintWriter out,
      List<Datasets.CorpusRow> rows,
      List<Classification> decisions,
      List<Classification> byRules) {
    List<String> expected = rows.stream().map(Datasets.CorpusRow::urgency).toList();
    Evaluation service =
        Evaluation.of(expected, decisions.stream().map(Classification::urgency).toList());
    out.println("== urgency: service decision (urgency model + rule overrides) per class");
    service.report().forEach(out::println);
    out.printf(Locale.ROOT, "urgency service %s%n", service.summary());
    out.printf(
        Locale.ROOT,
        "urgency rules_alone %s%n",
        Evaluation.of(expected, byRules.stream().map(Classification::urgency).toList()).summary());
    out.printf(
        Locale.ROOT,
        "urgency constant_NORMAL %s%n",
        Evaluation.of(expected, expected.stream().map(e -> "NORMAL").toList()).summary());
  }

  private static void calibration(
      PrintWriter out, List<String> expected, List<Classification> decisions) {
    List<Double> confidence = new ArrayList<>();
    List<Boolean> correct = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      confidence.add(decisions.get(i).types().get(0).confidence());
      correct.add(decisions.get(i).types().get(0).type().equals(expected.get(i)));
    }
    out.println("== calibration of the main type's confidence (reliability table)");
    Calibration.reliability(confidence, correct, 10).report().forEach(out::println);
  }

  private static void triage(
      PrintWriter out,
      List<Datasets.CorpusRow> rows,
      List<Classification> decisions,
      double threshold) {
    List<Double> routing = new ArrayList<>();
    List<Boolean> routedRight = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      routing.add(decisions.get(i).routingConfidence());
      routedRight.add(mainRouted(rows.get(i), decisions.get(i)));
    }
    out.println("== calibration of the routing confidence (the main type among the routed types)");
    Calibration.reliability(routing, routedRight, 10).report().forEach(out::println);
    out.println("== triage (on the routing confidence)");
    out.println(line(rows, decisions, threshold, true));
    out.println("(what other thresholds would give on this set; reported, not used to choose)");
    for (double t = 0.5; t <= 0.951; t += 0.05) {
      out.println("  " + line(rows, decisions, t, false));
    }
  }

  private static boolean mainRouted(Datasets.CorpusRow row, Classification decision) {
    return decision.types().stream().anyMatch(t -> t.type().equals(row.types().get(0)));
  }

  private static String line(
      List<Datasets.CorpusRow> rows,
      List<Classification> decisions,
      double threshold,
      boolean configured) {
    int auto = 0;
    int autoRight = 0;
    int autoRouted = 0;
    int triagedRight = 0;
    for (int i = 0; i < rows.size(); i++) {
      Classification d = decisions.get(i);
      boolean right = d.types().get(0).type().equals(rows.get(i).types().get(0));
      boolean isAuto = configured ? !d.triage() : d.routingConfidence() >= threshold;
      if (isAuto) {
        auto++;
        autoRight += right ? 1 : 0;
        autoRouted += mainRouted(rows.get(i), d) ? 1 : 0;
      } else {
        triagedRight += right ? 1 : 0;
      }
    }
    int triaged = rows.size() - auto;
    return String.format(
        Locale.ROOT,
        "triage threshold=%.2f auto_routed=%d share=%.4f auto_routed_accuracy=%.4f"
            + " auto_routed_main_type_among_types=%.4f triaged=%d triaged_guess_accuracy=%.4f",
        threshold,
        auto,
        (double) auto / rows.size(),
        auto == 0 ? 0 : (double) autoRight / auto,
        auto == 0 ? 0 : (double) autoRouted / auto,
        triaged,
        triaged == 0 ? 0 : (double) triagedRight / triaged);
  }

  /** The share of the texts the model's TF-IDF expert answers alone (the cascade). */
  private static double aloneShare(TextClassifier model, List<String> texts) {
    int alone = 0;
    for (boolean b : model.answeredAlone(texts)) {
      alone += b ? 1 : 0;
    }
    return texts.isEmpty() ? 0.0 : (double) alone / texts.size();
  }
}
