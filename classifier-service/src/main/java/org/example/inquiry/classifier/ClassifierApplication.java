package org.example.inquiry.classifier;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.example.inquiry.classifier.cli.ClassifierCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Classifier: reads {@code inquiries-received}, writes {@code inquiries-classified}; learns from
 * the types agents confirm at resolution ({@code classifier-labelled-examples}, {@code
 * classifier-models}).
 *
 * <p>{@code main} is not only {@code SpringApplication.run} (house style 5 notwithstanding): the
 * same executable jar also runs the offline engine commands ({@code evaluate}, {@code benchmark},
 * {@code retrain}), which must work on a laptop without Kafka, a registry or a Spring context, so
 * they are dispatched to picocli before Spring starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableKafkaStreams
public class ClassifierApplication {

  public static void main(String[] args) {
    if (args.length > 0 && ClassifierCommands.NAMES.contains(args[0])) {
      System.exit(
          ClassifierCommands.run(
              new PrintWriter(System.out, true, StandardCharsets.UTF_8),
              new PrintWriter(System.err, true, StandardCharsets.UTF_8),
              args));
    }
    SpringApplication.run(ClassifierApplication.class, args);
  }
}
