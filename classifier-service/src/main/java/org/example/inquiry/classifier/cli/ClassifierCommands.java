package org.example.inquiry.classifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.example.inquiry.classifier.config.ClassifierProperties;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CorpusFiles;
import org.example.inquiry.classifier.training.CrossValidation;
import org.example.inquiry.classifier.training.Datasets;
import org.example.inquiry.classifier.training.EmbeddingCaches;
import org.example.inquiry.classifier.training.Engine;
import org.example.inquiry.classifier.training.FinanceCorpus;
import org.example.inquiry.classifier.training.TriageCrossValidation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Offline commands of the classifier's engine, run from the executable jar without Kafka or Spring:
 * {@code evaluate} (train on one CSV, score another; or the service's decision on a finance
 * evaluation set), {@code benchmark} (k-fold cross-validation with latency, against baselines) and
 * {@code classify} (the service's decision on a CSV of inquiries).
 */
@Command(
    name = "classifier-service",
    mixinStandardHelpOptions = true,
    subcommands = {
      ClassifierCommands.Evaluate.class,
      ClassifierCommands.Benchmark.class,
      ClassifierCommands.TriageCv.class,
      ClassifyCommand.class
    })
public final class ClassifierCommands {

  /** The sub-commands this class handles; anything else starts the service. */
  public static final Set<String> NAMES = Set.of("evaluate", "benchmark", "triage-cv", "classify");

  /** Runs a command line and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new ClassifierCommands());
    commandLine.setOut(out);
    commandLine.setErr(err);
    // Bad input files are the user's to fix: one line saying why, not a stack trace.
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          cl.getErr().println("error: " + e.getMessage());
          return 1;
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Trains on one {@code text,category} CSV and reports per-class figures on another; or runs the
   * service's whole decision on a finance evaluation set ({@code --inquiries}).
   */
  @Command(
      name = "evaluate",
      description =
          "Train on --train, classify --test, print per-class figures, latency and a summary;"
              + " or --inquiries: the service's decision (default corpus model, rules, triage) on a"
              + " JSON Lines evaluation set: types, secondary types, urgency, calibration, triage.")
  static final class Evaluate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--train", description = "CSV with header text,category")
    Path train;

    @Option(names = "--test", description = "CSV with header text,category")
    Path test;

    @Option(
        names = "--inquiries",
        description = "JSON Lines evaluation set (id, subject, body, types, urgency)")
    Path inquiries;

    @Option(names = "--triage-threshold", description = "Override the default triage threshold")
    Double triageThreshold;

    @Option(names = "--knn-weight", description = "Override the neighbours' vote weight (0: off)")
    Double knnWeight;

    @Option(names = "--dense-l2", description = "Override the embedding model's L2 penalty")
    Double denseL2;

    @Option(
        names = "--cascade-confidence",
        description =
            "Override the type model's cascade threshold (1: embed every text it reads; the"
                + " urgency model keeps its own, CorpusTraining.URGENCY_CASCADE_CONFIDENCE)")
    Double cascadeConfidence;

    @Option(
        names = "--compare-cascade",
        split = ",",
        description =
            "With --train/--test: after the report, the same model at these cascade thresholds:"
                + " accuracy, share answered by TF-IDF alone, latency one at a time")
    double[] compareCascade;

    @Option(
        names = "--compare-urgency-cascade",
        split = ",",
        description =
            "With --inquiries: after the report, the service decision with the urgency model's"
                + " cascade at these thresholds (the type model's as trained): main type and"
                + " urgency accuracy, share of inquiries embedded, latency in batches")
    double[] compareUrgencyCascade;

    @CommandLine.Mixin EngineOptions engine;

    private TrainingOptions options() {
      TrainingOptions options = TrainingOptions.defaults();
      if (cascadeConfidence != null) {
        options = options.withCascadeConfidence(cascadeConfidence);
      }
      if (knnWeight != null) {
        options = options.withKnnWeight(knnWeight);
      }
      if (denseL2 != null) {
        options = options.withDenseL2(denseL2);
      }
      return options;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (compareUrgencyCascade != null) {
        if (inquiries == null) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--compare-urgency-cascade needs --inquiries");
        }
        for (double threshold : compareUrgencyCascade) {
          if (!(threshold > 0)) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--compare-urgency-cascade: thresholds above 0, not " + threshold);
          }
        }
      }
      if (inquiries != null) {
        FinanceEvaluation.run(
            out,
            inquiries,
            engine,
            triageThreshold,
            options(),
            compareUrgencyCascade == null ? new double[0] : compareUrgencyCascade);
        return 0;
      }
      if (train == null || test == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Missing required options: --train and --test, or --inquiries");
      }
      List<LabelledText> trainSet = Datasets.readTextCategory(train);
      List<LabelledText> testSet = Datasets.readTextCategory(test);
      try (EngineOptions.Encoders encoders = engine.open(train)) {
        TextClassifier model =
            TextClassifier.train(trainSet, options(), encoders.training())
                .withEncoder(encoders.encoder());
        Latencies latencies = new Latencies();
        List<String> predicted = new ArrayList<>();
        for (LabelledText e : testSet.subList(0, Math.min(200, testSet.size()))) {
          model.predict(e.text()); // warm-up, not measured
        }
        for (LabelledText e : testSet) {
          long t0 = System.nanoTime();
          predicted.add(model.predict(e.text()).get(0).label());
          latencies.add(System.nanoTime() - t0);
        }
        Latencies batched = new Latencies();
        List<String> texts = testSet.stream().map(LabelledText::text).toList();
        for (int from = 0;
            from + CrossValidation.BATCH <= texts.size();
            from += CrossValidation.BATCH) {
          long t0 = System.nanoTime();
          model.predictAll(texts.subList(from, from + CrossValidation.BATCH));
          batched.add((System.nanoTime() - t0) / CrossValidation.BATCH);
        }
        Evaluation evaluation =
            Evaluation.of(testSet.stream().map(LabelledText::label).toList(), predicted);
        out.printf(
            Locale.ROOT,
            "engine=%s train=%d test=%d classes=%d%n",
            model.engineVersion(),
            trainSet.size(),
            testSet.size(),
            model.labels().size());
        out.println(latencies.summary());
        out.println(batched.summary("latency_per_inquiry_in_batches_of_" + CrossValidation.BATCH));
        out.printf(Locale.ROOT, "cascade %s%n", cascadeSummary(model, texts));
        evaluation.report().forEach(out::println);
        for (double threshold : compareCascade == null ? new double[0] : compareCascade) {
          TextClassifier at = model.withCascadeConfidence(threshold);
          Latencies timed = new Latencies();
          List<String> labels = new ArrayList<>();
          for (String text : texts) {
            long t0 = System.nanoTime();
            labels.add(at.predict(text).get(0).label());
            timed.add(System.nanoTime() - t0);
          }
          out.printf(
              Locale.ROOT,
              "cascade_confidence=%.4f %s %s %s%n",
              threshold,
              Evaluation.of(testSet.stream().map(LabelledText::label).toList(), labels).summary(),
              cascadeSummary(at, texts),
              timed.summary("latency"));
          out.flush();
        }
      }
      return 0;
    }

    private static String cascadeSummary(TextClassifier model, List<String> texts) {
      int alone = 0;
      for (boolean b : model.answeredAlone(texts)) {
        alone += b ? 1 : 0;
      }
      return String.format(
          Locale.ROOT,
          "confidence=%.4f answered_by_tfidf_alone=%.4f",
          model.options().cascadeConfidence(),
          texts.isEmpty() ? 0.0 : (double) alone / texts.size());
    }
  }

  /** Cross-validates the engine and two baselines on one CSV. */
  @Command(
      name = "benchmark",
      description =
          "Stratified k-fold cross-validation of the engine, a unigram-only model and the"
              + " majority class: accuracy, macro-F1, train time, p50/p95 latency.")
  static final class Benchmark implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV with header text,category")
    Path data;

    @Option(names = "--folds", defaultValue = "5")
    int folds;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--epochs", description = "Override the engine's epochs")
    Integer epochs;

    @Option(names = "--learning-rate", description = "Override the engine's learning rate")
    Double learningRate;

    @Option(names = "--l2", description = "Override the engine's L2 penalty")
    Double l2;

    @Option(names = "--no-baselines", description = "Only cross-validate the engine")
    boolean noBaselines;

    @Option(names = "--embedding-weight", description = "Override the embedding's weight")
    Double embeddingWeight;

    @Option(names = "--dense-l2", description = "Override the embedding model's L2 penalty")
    Double denseL2;

    @Option(
        names = "--cascade-confidence",
        description =
            "Override the type model's cascade threshold (1: embed every text it reads; the"
                + " urgency model keeps its own, CorpusTraining.URGENCY_CASCADE_CONFIDENCE)")
    Double cascadeConfidence;

    @Option(
        names = "--compare-embedding-weights",
        split = ",",
        description =
            "Instead of the timed run: score these embedding weights on the same folds (one"
                + " training per fold)")
    double[] compareWeights;

    @CommandLine.Mixin EngineOptions engine;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<LabelledText> examples = Datasets.readTextCategory(data);
      TrainingOptions options = TrainingOptions.defaults();
      if (epochs != null) {
        options = options.withEpochs(epochs);
      }
      if (learningRate != null) {
        options = options.withLearningRate(learningRate);
      }
      if (l2 != null) {
        options = options.withL2(l2);
      }
      if (embeddingWeight != null) {
        options = options.withEmbeddingWeight(embeddingWeight);
      }
      if (denseL2 != null) {
        options = options.withDenseL2(denseL2);
      }
      if (cascadeConfidence != null) {
        options = options.withCascadeConfidence(cascadeConfidence);
      }
      out.printf(
          Locale.ROOT,
          "data=%s examples=%d folds=%d seed=%d cores=%d options=%s%n",
          data,
          examples.size(),
          folds,
          seed,
          Runtime.getRuntime().availableProcessors(),
          options);
      out.flush();
      if (!noBaselines) {
        print(out, CrossValidation.ofMajorityClass(examples, folds, seed));
        print(
            out,
            CrossValidation.ofEngine(
                "unigram-tfidf-softmax",
                examples,
                folds,
                seed,
                TrainingOptions.unigramBaseline()
                    .withEpochs(options.epochs())
                    .withLearningRate(options.learningRate())
                    .withL2(options.l2())));
      }
      try (EngineOptions.Encoders encoders = engine.open(data)) {
        if (compareWeights != null && encoders.training() != null) {
          List<Evaluation> byWeight =
              CrossValidation.ofEmbeddingWeights(
                  examples, folds, seed, options, encoders.training(), compareWeights);
          for (int w = 0; w < compareWeights.length; w++) {
            out.printf(
                Locale.ROOT,
                "embedding_weight=%.2f %s%n",
                compareWeights[w],
                byWeight.get(w).summary());
          }
          return 0;
        }
        print(
            out,
            CrossValidation.ofEngine(
                TextClassifier.engineVersion(encoders.encoder()),
                examples,
                folds,
                seed,
                options,
                encoders.training(),
                encoders.encoder()));
      }
      return 0;
    }

    private static void print(PrintWriter out, CrossValidation.Result result) {
      out.printf(
          Locale.ROOT,
          "%-40s %s train_ms_per_fold=%.0f p50_ms=%.3f p95_ms=%.3f batch%d_p50_ms=%.3f"
              + " batch%d_p95_ms=%.3f%n",
          result.name(),
          result.evaluation().summary(),
          result.meanTrainMillis(),
          result.p50Micros() / 1e3,
          result.p95Micros() / 1e3,
          CrossValidation.BATCH,
          result.batchP50Micros() / 1e3,
          CrossValidation.BATCH,
          result.batchP95Micros() / 1e3);
      out.flush();
    }
  }

  /**
   * Chooses the triage threshold and the rule-secondary floor by cross-validation on the corpus.
   */
  @Command(
      name = "triage-cv",
      description =
          "k-fold cross-validation over the corpus's written training rows (never the evaluation"
              + " set): auto-routed share and accuracy per routing-confidence threshold, the lowest"
              + " threshold reaching --aim, and secondary-type precision per rule-secondary floor.")
  static final class TriageCv implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--folds", defaultValue = "5")
    int folds;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--aim", defaultValue = "0.97", description = "auto-routed accuracy aimed at")
    double aim;

    @Option(
        names = "--rule-secondary-floors",
        split = ",",
        defaultValue = "0.0,0.05,0.1,0.15,0.2",
        description = "rule-secondary floors to compare")
    double[] floors;

    @Option(names = "--cache-dir", description = "Where embeddings are cached")
    Path cacheDir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      FinanceCorpus corpus = CorpusFiles.loadDefault();
      Engine engine =
          Engine.withEmbeddings(cacheDir == null ? EmbeddingCaches.defaultDir() : cacheDir);
      double secondary = Double.parseDouble(ClassifierProperties.SECONDARY_THRESHOLD);
      List<List<TriageCrossValidation.Outcome>> all =
          TriageCrossValidation.run(
              corpus,
              engine.options(),
              engine.trainingEncoder(),
              folds,
              seed,
              secondary,
              floors,
              out);
      for (int f = 0; f < floors.length; f++) {
        var outcomes = all.get(f);
        out.printf(
            Locale.ROOT, "== rule_secondary_floor=%.2f rows=%d%n", floors[f], outcomes.size());
        out.println(TriageCrossValidation.secondary(outcomes));
        for (double t = 0.5; t <= 0.951; t += 0.05) {
          out.println("  " + TriageCrossValidation.atThreshold(outcomes, t));
        }
        double chosen = TriageCrossValidation.threshold(outcomes, aim);
        out.printf(
            Locale.ROOT,
            "chosen (lowest reaching %.2f): %s%n",
            aim,
            TriageCrossValidation.atThreshold(outcomes, chosen));
      }
      return 0;
    }
  }
}
