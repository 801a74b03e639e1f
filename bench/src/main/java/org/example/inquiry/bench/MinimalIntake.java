package org.example.inquiry.bench;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The intake baseline: a WebFlux endpoint on Netty that takes {@code POST /api/v1/inquiries} and
 * only sends the request body, as it came, to a Kafka topic with the services' producer settings
 * (idempotent, acks=all, same linger, batch size and compression), answering 202 once the broker
 * has acknowledged it. No authentication, validation, lookup or transaction: what an HTTP-to-Kafka
 * hop costs at the least on this machine.
 *
 * <p>Run: {@code java -Dloader.main=org.example.inquiry.bench.MinimalIntake -jar bench-exec.jar
 * --server.port=P --bench.bootstrap=B --bench.topic=T}.
 */
@SpringBootApplication
public class MinimalIntake {

  public static void main(String[] args) {
    SpringApplication.run(MinimalIntake.class, args);
  }

  /** Its topic, with the partitions of the inquiry topics. */
  @Bean
  Object minimalTopic(
      @Value("${bench.bootstrap}") String bootstrap, @Value("${bench.topic}") String topic)
      throws InterruptedException {
    try (Admin admin = KafkaSupport.admin(bootstrap)) {
      KafkaSupport.createTopics(admin, List.of(topic), Topics.INQUIRY_PARTITIONS);
    }
    return topic;
  }

  @Bean(destroyMethod = "close")
  KafkaProducer<String, byte[]> minimalProducer(
      @Value("${bench.bootstrap}") String bootstrap,
      @Value("${bench.linger-ms:5}") int lingerMs,
      @Value("${bench.batch-size:65536}") int batchSize,
      @Value("${bench.compression:lz4}") String compression) {
    Map<String, Object> props =
        KafkaSupport.producer(
            bootstrap,
            "bench-minimal-intake",
            new KafkaSupport.ProducerTuning(lingerMs, batchSize, compression));
    return new KafkaProducer<>(props);
  }

  @Bean
  RouterFunction<ServerResponse> minimalRoutes(
      KafkaProducer<String, byte[]> producer, @Value("${bench.topic}") String topic) {
    return route(
        POST("/api/v1/inquiries"),
        request ->
            request
                .bodyToMono(byte[].class)
                .flatMap(
                    body -> {
                      String key = request.headers().firstHeader("Idempotency-Key");
                      String id = key == null ? UUID.randomUUID().toString() : key;
                      CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
                      producer.send(
                          new ProducerRecord<>(topic, id, body),
                          (metadata, e) -> {
                            if (e == null) {
                              acked.complete(metadata);
                            } else {
                              acked.completeExceptionally(e);
                            }
                          });
                      return Mono.fromFuture(acked)
                          .then(
                              ServerResponse.accepted()
                                  .contentType(MediaType.APPLICATION_JSON)
                                  .bodyValue(
                                      "{\"inquiryId\":\"" + id + "\",\"status\":\"RECEIVED\"}"));
                    }));
  }
}
