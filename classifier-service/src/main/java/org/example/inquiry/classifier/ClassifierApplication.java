package org.example.inquiry.classifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Classifier: reads {@code inquiries-received}, writes {@code inquiries-classified}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifierApplication {

  public static void main(String[] args) {
    SpringApplication.run(ClassifierApplication.class, args);
  }
}
