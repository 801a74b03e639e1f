package org.example.inquiry.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

  @Option(
      names = "--reader-user-info",
      defaultValue = "${env:REGISTRY_READER_USER_INFO}",
      description =
          "user:password a client must send (HTTP Basic) to read; without it and without"
              + " --reader-token reads are open (default: env REGISTRY_READER_USER_INFO).")
  String readerUserInfo;

  @Option(
      names = "--reader-token",
      defaultValue = "${env:REGISTRY_READER_TOKEN}",
      description =
          "Bearer token a client may send instead to read (default: env REGISTRY_READER_TOKEN).")
  String readerToken;

  @Option(
      names = "--tls-keystore",
      defaultValue = "${env:REGISTRY_TLS_KEYSTORE}",
      description =
          "Key store (PKCS12) with the server certificate: serve HTTPS instead of HTTP (default:"
              + " env REGISTRY_TLS_KEYSTORE).")
  Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password",
      defaultValue = "${env:REGISTRY_TLS_KEYSTORE_PASSWORD}",
      description = "Password of the key store (default: env REGISTRY_TLS_KEYSTORE_PASSWORD).")
  String tlsKeystorePassword;

  @Option(
      names = "--tls-keystore-type",
      defaultValue = "PKCS12",
      description = "PKCS12 (default) or JKS.")
  String tlsKeystoreType;

  @Option(
      names = "--kafka-config",
      defaultValue = "${env:REGISTRY_KAFKA_CONFIG}",
      description =
          "Properties file of Kafka client settings for the registry's own connection, e.g."
              + " security.protocol=SASL_SSL, sasl.mechanism, sasl.jaas.config,"
              + " ssl.truststore.location (default: env REGISTRY_KAFKA_CONFIG).")
  Path kafkaConfig;

  @Override
  public Integer call() throws InterruptedException, IOException {
    Map<String, Object> kafkaProperties = new HashMap<>();
    if (kafkaConfig != null) {
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(kafkaConfig)) {
        properties.load(in);
      }
      properties.forEach((k, v) -> kafkaProperties.put(k.toString(), v.toString()));
    }
    DevSchemaRegistry.Settings settings =
        new DevSchemaRegistry.Settings(
            bootstrapServers,
            host,
            port,
            topic,
            replicationFactor,
            CompatibilityLevel.parse(compatibility),
            adminUserInfo == null || adminUserInfo.isBlank()
                ? WriteAccess.readOnly()
                : WriteAccess.admin(adminUserInfo),
            kafkaProperties,
            ReadAccess.of(readerUserInfo, readerToken),
            tlsKeystore == null
                ? null
                : new DevSchemaRegistry.Tls(tlsKeystore, tlsKeystorePassword, tlsKeystoreType));
    DevSchemaRegistry registry = DevSchemaRegistry.start(settings);
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
