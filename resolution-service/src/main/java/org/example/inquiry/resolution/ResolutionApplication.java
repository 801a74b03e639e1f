package org.example.inquiry.resolution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Resolution: owns each inquiry's case, built from the event log. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResolutionApplication {

  public static void main(String[] args) {
    SpringApplication.run(ResolutionApplication.class, args);
  }
}
