package org.example.inquiry.platform.streams;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the Kafka Streams instance once every declared input topic exists, on a background thread
 * so the web server and health endpoints come up meanwhile.
 */
final class StreamsStarter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamsStarter.class);

  private final StreamsBuilderFactoryBean factoryBean;
  private final StreamsInputTopics inputs;
  private final Supplier<Admin> admin;
  private volatile boolean running;
  private volatile List<String> missing = List.of();
  private Thread starter;

  StreamsStarter(
      StreamsBuilderFactoryBean factoryBean, StreamsInputTopics inputs, Supplier<Admin> admin) {
    this.factoryBean = factoryBean;
    this.inputs = inputs;
    this.admin = admin;
  }

  /** Input topics that did not exist at the last check. */
  List<String> missing() {
    return missing;
  }

  @Override
  public void start() {
    running = true;
    starter =
        new Thread(
            () -> {
              long lastLog = 0;
              try (Admin client = admin.get()) {
                while (running) {
                  try {
                    Set<String> existing = client.listTopics().names().get(10, TimeUnit.SECONDS);
                    missing = inputs.names().stream().filter(t -> !existing.contains(t)).toList();
                  } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    missing = inputs.names();
                  }
                  if (missing.isEmpty()) {
                    log.info("Input topics {} exist; starting Kafka Streams", inputs.names());
                    factoryBean.start();
                    return;
                  }
                  if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
                    log.warn("Waiting for input topics {} before starting Kafka Streams", missing);
                    lastLog = System.nanoTime();
                  }
                  Thread.sleep(500);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "streams-starter");
    starter.setDaemon(true);
    starter.start();
  }

  @Override
  public void stop() {
    running = false;
    if (starter != null) {
      starter.interrupt();
    }
    if (factoryBean.isRunning()) {
      factoryBean.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return factoryBean.getPhase() + 1;
  }
}
