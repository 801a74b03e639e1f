package org.example.inquiry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Counts the committed records of topics ({@code read_committed}, from the start to the end they
 * had when counting began): the number of events a KPI replay reads, and the {@code --messages}
 * ConsumerPerformance is given so that it stops at the last one instead of waiting for a timeout.
 */
@Command(name = "count", description = "records per topic, read_committed")
final class CountCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-server", required = true)
  String bootstrap;

  @Option(names = "--results")
  Path resultsFile;

  @Parameters(description = "topics")
  List<String> topics;

  @Override
  public Integer call() {
    Results results = new Results(resultsFile);
    long total = 0;
    for (String topic : topics) {
      long n = count(topic);
      total += n;
      results.put("count." + topic, Long.toString(n));
    }
    results.put("count.total", Long.toString(total));
    return 0;
  }

  private long count(String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(KafkaSupport.consumer(bootstrap, null))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      consumer.seekToBeginning(partitions);
      long n = 0;
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        n += records.count();
      }
      return n;
    }
  }
}
