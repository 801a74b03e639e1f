package org.example.inquiry.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Metrics: KPIs computed from the inquiry event log, on Prometheus and REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MetricsApplication {

  public static void main(String[] args) {
    SpringApplication.run(MetricsApplication.class, args);
  }
}
