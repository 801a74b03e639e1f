package org.example.inquiry.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Router: reads {@code inquiries-classified}, writes {@code inquiries-routed}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableKafkaStreams
public class RouterApplication {

  public static void main(String[] args) {
    SpringApplication.run(RouterApplication.class, args);
  }
}
