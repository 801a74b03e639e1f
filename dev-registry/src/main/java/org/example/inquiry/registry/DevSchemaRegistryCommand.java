package org.example.inquiry.registry;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.example.inquiry.schemas.registry.CompatibilityLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the development schema registry; runs until interrupted. */
@Command(
    name = "dev-registry",
    mixinStandardHelpOptions = true,
    description = "Development schema registry (Confluent REST subset, schemas in a Kafka topic).")
public final class DevSchemaRegistryCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:KAFKA_BOOTSTRAP:-127.0.0.1:9092}",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--host",
      defaultValue = "${env:REGISTRY_HOST:-127.0.0.1}",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:REGISTRY_PORT:-8081}",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--topic",
      defaultValue = "_schemas",
      description = "Compacted topic holding the schemas (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--replication-factor",
      defaultValue = "1",
      description = "Replication factor of the schema topic when it is created.")
  short replicationFactor;

  @Option(
      names = "--compatibility",
      defaultValue = "BACKWARD_TRANSITIVE",
      description = "Global compatibility level until one is set over the API.")
  String compatibility;

  @Option(
      names = "--admin-user-info",
      defaultValue = "${env:REGISTRY_ADMIN_USER_INFO}",
      description =
          "user:password an administrator must send (HTTP Basic) to register schemas or change"
              + " configuration; without it the registry is read-only (default: env"
              + " REGISTRY_ADMIN_USER_INFO).")
  String adminUserInfo;

  @Override
  public Integer call() throws InterruptedException {
    DevSchemaRegistry registry =
        DevSchemaRegistry.start(
            new DevSchemaRegistry.Settings(
                bootstrapServers,
                host,
                port,
                topic,
                replicationFactor,
                CompatibilityLevel.parse(compatibility),
                adminUserInfo == null || adminUserInfo.isBlank()
                    ? WriteAccess.readOnly()
                    : WriteAccess.admin(adminUserInfo)));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DevSchemaRegistryCommand()).execute(args));
  }
}
