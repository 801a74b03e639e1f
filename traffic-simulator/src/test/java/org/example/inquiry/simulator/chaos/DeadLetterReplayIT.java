package org.example.inquiry.simulator.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./stack dlt replay} on a real broker: dead letters written the way the services write them
 * (original topic, partition and offset, consumer group, reason) go back to their topic once per
 * original record, a dry run publishes and commits nothing, a second run repeats nothing, and
 * replaying one consumer group's dead letters leaves the other group's for their own replay.
 */
class DeadLetterReplayIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();
  static final String TOPIC = Topics.INQUIRIES_ROUTED.name();
  static final String DLT = Topics.deadLetterName(TOPIC);

  @BeforeAll
  static void topics() {
    kafka.createTopics(Topics.INQUIRIES_ROUTED);
  }

  @Test
  void replaysEachOriginalOnceAndKeepsItsProgress() {
    // One record dead-lettered by two groups (router views and resolution), one by each alone.
    deadLetter("inq-a", "a-bytes", 0, 5, "resolution-service");
    deadLetter("inq-a", "a-bytes", 0, 5, "router-service-views");
    deadLetter("inq-b", "b-bytes", 1, 7, "resolution-service");
    deadLetter("inq-c", "c-bytes", 2, 9, "metrics-service");

    Run dry = replay("--dry-run");
    assertThat(dry.exit).isZero();
    assertThat(dry.out).contains("would replay inquiries-routed-0@5").contains("3 record(s)");
    assertThat(new TopicReader(kafka).readRawUntil(TOPIC, rs -> false, Duration.ofSeconds(2)))
        .isEmpty();

    Run onlyMetrics = replay("--group", "metrics-service");
    assertThat(onlyMetrics.exit).isZero();
    assertThat(onlyMetrics.out).contains("1 record(s) published").contains("3 dead letter(s)");

    Run all = replay();
    assertThat(all.exit).isZero();
    assertThat(all.out).contains("3 record(s) published").contains("1 dead letter(s) skipped");
    List<ConsumerRecord<String, byte[]>> replayed =
        new TopicReader(kafka).readRawUntil(TOPIC, rs -> rs.size() >= 4, Duration.ofSeconds(30));
    // c twice: once by the metrics-only replay, once by the full one (separate progress each).
    assertThat(replayed)
        .extracting(r -> r.key() + "=" + new String(r.value(), UTF_8))
        .containsExactlyInAnyOrder(
            "inq-a=a-bytes", "inq-b=b-bytes", "inq-c=c-bytes", "inq-c=c-bytes");
    assertThat(replayed)
        .allSatisfy(
            r ->
                assertThat(
                        new String(r.headers().lastHeader("inquiry-replayed-from").value(), UTF_8))
                    .startsWith(DLT + "-"));

    Run again = replay();
    assertThat(again.exit).isZero();
    assertThat(again.out).contains("0 record(s) published");
  }

  @Test
  void refusesATopicOutsideTheCatalogue() {
    assertThat(replay("no-such-topic").exit).isEqualTo(2);
    assertThat(replayTopic(DLT).exit).isEqualTo(2);
  }

  private static void deadLetter(
      String key, String value, int partition, long offset, String group) {
    var record = new ProducerRecord<String, byte[]>(DLT, partition, key, value.getBytes(UTF_8));
    record.headers().add("kafka_dlt-original-topic", TOPIC.getBytes(UTF_8));
    record
        .headers()
        .add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(partition).array());
    record
        .headers()
        .add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(offset).array());
    record.headers().add("kafka_dlt-original-consumer-group", group.getBytes(UTF_8));
    record.headers().add("inquiry-dlt-reason", "Cannot decode Avro record".getBytes(UTF_8));
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Run(int exit, String out) {}

  private static Run replay(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = TOPIC;
    System.arraycopy(options, 0, args, 1, options.length);
    if (options.length == 1 && !options[0].startsWith("--")) {
      args = new String[] {options[0]};
    }
    return run(args);
  }

  private static Run replayTopic(String topic) {
    return run(new String[] {topic});
  }

  private static Run run(String[] args) {
    String[] withBootstrap = new String[args.length + 2];
    System.arraycopy(args, 0, withBootstrap, 0, args.length);
    withBootstrap[args.length] = "--bootstrap-server";
    withBootstrap[args.length + 1] = kafka.bootstrapServers();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, UTF_8));
    try {
      int exit = new CommandLine(new DeadLetterReplay()).execute(withBootstrap);
      return new Run(exit, captured.toString(UTF_8));
    } finally {
      System.setOut(out);
    }
  }
}
