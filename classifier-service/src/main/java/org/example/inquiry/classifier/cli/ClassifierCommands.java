package org.example.inquiry.classifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.example.inquiry.classifier.model.Evaluation;
import org.example.inquiry.classifier.model.LabelledText;
import org.example.inquiry.classifier.model.TextClassifier;
import org.example.inquiry.classifier.model.TrainingOptions;
import org.example.inquiry.classifier.training.CrossValidation;
import org.example.inquiry.classifier.training.Datasets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Offline commands of the classifier's engine, run from the executable jar without Kafka or Spring:
 * {@code evaluate} (train on one CSV, score another) and {@code benchmark} (k-fold cross-validation
 * with latency, against baselines).
 */
@Command(
    name = "classifier-service",
    mixinStandardHelpOptions = true,
    subcommands = {ClassifierCommands.Evaluate.class, ClassifierCommands.Benchmark.class})
public final class ClassifierCommands {

  /** The sub-commands this class handles; anything else starts the service. */
  public static final Set<String> NAMES = Set.of("evaluate", "benchmark");

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

  /** Trains on one {@code text,category} CSV and reports per-class figures on another. */
  @Command(
      name = "evaluate",
      description = "Train on --train, classify --test, print per-class figures and a summary.")
  static final class Evaluate implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--train", required = true, description = "CSV with header text,category")
    Path train;

    @Option(names = "--test", required = true, description = "CSV with header text,category")
    Path test;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<LabelledText> trainSet = Datasets.readTextCategory(train);
      List<LabelledText> testSet = Datasets.readTextCategory(test);
      TextClassifier model = TextClassifier.train(trainSet, TrainingOptions.defaults());
      Evaluation evaluation =
          Evaluation.of(
              testSet.stream().map(LabelledText::label).toList(),
              testSet.stream().map(e -> model.predict(e.text()).get(0).label()).toList());
      out.printf(
          Locale.ROOT,
          "engine=%s train=%d test=%d classes=%d%n",
          TextClassifier.ENGINE_VERSION,
          trainSet.size(),
          testSet.size(),
          model.labels().size());
      evaluation.report().forEach(out::println);
      return 0;
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
      print(
          out,
          CrossValidation.ofEngine(TextClassifier.ENGINE_VERSION, examples, folds, seed, options));
      return 0;
    }

    private static void print(PrintWriter out, CrossValidation.Result result) {
      out.printf(
          Locale.ROOT,
          "%-24s %s train_ms_per_fold=%.0f p50_ms=%.3f p95_ms=%.3f%n",
          result.name(),
          result.evaluation().summary(),
          result.meanTrainMillis(),
          result.p50Micros() / 1e3,
          result.p95Micros() / 1e3);
      out.flush();
    }
  }
}
