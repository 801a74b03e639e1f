package org.example.inquiry.resolution;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Resolution: owns each inquiry's case, built from the event log. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableKafkaStreams
public class ResolutionApplication {

  public static void main(String[] args) {
    SpringApplication.run(ResolutionApplication.class, args);
  }
}
