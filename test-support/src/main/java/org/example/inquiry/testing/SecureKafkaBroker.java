package org.example.inquiry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker in this JVM whose client listener is {@code SASL_SSL} with
 * SCRAM-SHA-512 (a certificate signed by a {@link TestCertificates} authority, for 127.0.0.1), with
 * Kafka's {@code StandardAuthorizer}: no ACL, no access. Users and ACLs are created through {@link
 * #admin()}, which authenticates as the super user {@value #ADMIN}. The controller listener is
 * plaintext on loopback (in production it is mutual TLS between the Strimzi-managed nodes).
 */
public final class SecureKafkaBroker implements AutoCloseable {

  /** The super user that creates users, topics and ACLs. */
  public static final String ADMIN = "admin";

  public static final String MECHANISM = "SCRAM-SHA-512";

  private final TestCertificates certificates;
  private final String adminPassword;
  private final int port;
  private final KafkaRaftServer server;
  private final Path logDir;

  private SecureKafkaBroker(
      TestCertificates certificates,
      String adminPassword,
      int port,
      KafkaRaftServer server,
      Path logDir) {
    this.certificates = certificates;
    this.adminPassword = adminPassword;
    this.port = port;
    this.server = server;
    this.logDir = logDir;
  }

  /** Formats a fresh log, starts the broker and waits until the admin can talk to it. */
  public static SecureKafkaBroker start(TestCertificates certificates) {
    try {
      Path dir = Files.createTempDirectory("secure-kafka");
      int port = FreePorts.next();
      int controllerPort = FreePorts.next();
      String adminPassword = "admin-" + Long.toHexString(System.nanoTime());
      Path keyStore = certificates.keyStore("kafka-broker");
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
      props.put(
          "listeners",
          "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
      props.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
      props.put("controller.listener.names", "CONTROLLER");
      props.put("inter.broker.listener.name", "SASL_SSL");
      props.put("sasl.enabled.mechanisms", MECHANISM);
      props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
      props.put(
          "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword));
      props.put("ssl.keystore.type", "PKCS12");
      props.put("ssl.keystore.location", keyStore.toString());
      props.put("ssl.keystore.password", certificates.password());
      props.put("ssl.key.password", certificates.password());
      props.put("ssl.truststore.type", "PKCS12");
      props.put("ssl.truststore.location", certificates.trustStore().toString());
      props.put("ssl.truststore.password", certificates.password());
      props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      // ANONYMOUS: the broker and controller talking over the loopback controller listener.
      props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
      props.put("allow.everyone.if.no.acl.found", "false");
      props.put("log.dirs", dir.resolve("data").toString());
      props.put("auto.create.topics.enable", "false");
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "3");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("transaction.state.log.num.partitions", "3");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      Path file = dir.resolve("server.properties");
      try (var out = Files.newBufferedWriter(file)) {
        props.store(out, "SecureKafkaBroker");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int formatted =
          StorageTool.execute(
              new String[] {
                "format",
                "--standalone",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                file.toString(),
                "--add-scram",
                MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"
              },
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (formatted != 0) {
        throw new IllegalStateException(
            "formatting the SASL_SSL broker's log failed: "
                + output.toString(StandardCharsets.UTF_8));
      }
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      SecureKafkaBroker broker =
          new SecureKafkaBroker(certificates, adminPassword, port, server, dir);
      broker.awaitReady();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:<port>} of the SASL_SSL listener. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public TestCertificates certificates() {
    return certificates;
  }

  /** The JAAS line of a SCRAM login, as {@code sasl.jaas.config} takes it. */
  public static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * What a Kafka client of {@code user} needs to connect: bootstrap servers, {@code SASL_SSL},
   * SCRAM-SHA-512 with the user's JAAS line, and the CA as trust store (PKCS12).
   */
  public Map<String, Object> clientProperties(String user, String password) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers());
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", MECHANISM);
    props.put("sasl.jaas.config", jaas(user, password));
    props.put("ssl.truststore.type", "PKCS12");
    props.put("ssl.truststore.location", certificates.trustStore().toString());
    props.put("ssl.truststore.password", certificates.password());
    return props;
  }

  /** Client properties of the super user. */
  public Map<String, Object> adminProperties() {
    return clientProperties(ADMIN, adminPassword);
  }

  /** An admin client of the super user; close it. */
  public Admin admin() {
    return Admin.create(adminProperties());
  }

  /** Creates (or replaces) a SCRAM-SHA-512 user. */
  public void createUser(String user, String password) {
    try (Admin admin = admin()) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create the SCRAM user " + user, e);
    }
  }

  /** Adds ACLs (as the super user). */
  public void addAcls(Collection<AclBinding> acls) {
    try (Admin admin = admin()) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create ACLs " + acls, e);
    }
  }

  /** Creates topics (as the super user). */
  public void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = admin()) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics", e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      Map<String, Object> props = new HashMap<>(adminProperties());
      props.put("request.timeout.ms", 5000);
      props.put("default.api.timeout.ms", 5000);
      try (Admin admin = Admin.create(props)) {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the SASL_SSL broker did not become ready in 60 s", last);
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (var paths = Files.walk(logDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind
    }
  }
}
