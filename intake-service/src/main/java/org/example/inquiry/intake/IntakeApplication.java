package org.example.inquiry.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Intake: the single writer of {@code inquiries-received}, whatever the channel. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }
}
