package org.example.inquiry.router.assignment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.schemas.serde.AvroDeserializer;
import org.example.inquiry.schemas.serde.AvroSerdeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Open inquiries per assigned agent, kept from the workflow's own events: every instance reads all
 * partitions of {@code inquiries-routed} (assignments) and {@code inquiries-resolved} (closures)
 * from the beginning and follows them. A read model for balancing load, a few moments behind.
 */
@Component
public class OpenLoad implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OpenLoad.class);

  private final Map<String, Set<String>> openByAgent = new ConcurrentHashMap<>();
  private final Map<String, List<String>> assigneesByInquiry = new ConcurrentHashMap<>();
  private final KafkaProperties kafka;
  private final String registryUrl;
  private volatile boolean running;
  private Thread reader;

  OpenLoad(
      KafkaProperties kafka,
      @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl) {
    this.kafka = kafka;
    this.registryUrl = registryUrl;
  }

  /** Open inquiries per agent, now. */
  public Map<String, Integer> snapshot() {
    Map<String, Integer> load = new HashMap<>();
    openByAgent.forEach((agent, inquiries) -> load.put(agent, inquiries.size()));
    return load;
  }

  void onRouted(InquiryRouted routed) {
    List<String> assignees =
        routed.getTeams().stream().map(TeamAssignment::getAssignee).filter(a -> a != null).toList();
    List<String> previous = assigneesByInquiry.put(routed.getInquiryId(), assignees);
    if (previous != null) {
      previous.forEach(a -> openByAgent.getOrDefault(a, Set.of()).remove(routed.getInquiryId()));
    }
    assignees.forEach(
        a ->
            openByAgent
                .computeIfAbsent(a, k -> ConcurrentHashMap.newKeySet())
                .add(routed.getInquiryId()));
  }

  void onResolved(InquiryResolved resolved) {
    List<String> assignees = assigneesByInquiry.remove(resolved.getInquiryId());
    if (assignees != null) {
      assignees.forEach(a -> openByAgent.getOrDefault(a, Set.of()).remove(resolved.getInquiryId()));
    }
  }

  @Override
  public void start() {
    running = true;
    reader = new Thread(this::follow, "open-load-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void follow() {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    AvroDeserializer<Object> values = new AvroDeserializer<>();
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    List<String> topics = List.of(Topics.INQUIRIES_ROUTED.name(), Topics.INQUIRIES_RESOLVED.name());
    try (Admin admin = Admin.create(kafka.buildAdminProperties());
        KafkaConsumer<String, Object> consumer =
            new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = awaitPartitions(admin, topics);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
          try {
            if (record.value() instanceof InquiryRouted routed) {
              onRouted(routed);
            } else if (record.value() instanceof InquiryResolved resolved) {
              onResolved(resolved);
            }
          } catch (RuntimeException e) {
            log.warn(
                "Skipping {}-{}@{} in the open-load view: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.toString());
          }
        }
      }
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) {
        log.error("The open-load view stopped; auto-assignment balances on stale load", e);
      }
    }
  }

  private List<TopicPartition> awaitPartitions(Admin admin, List<String> topics) {
    while (running) {
      try {
        var described = admin.describeTopics(topics).allTopicNames().get();
        return described.values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toList());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return List.of();
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return List.of();
        }
      }
    }
    return List.of();
  }

  @Override
  public void stop() {
    running = false;
    if (reader != null) {
      reader.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    stop();
  }
}
