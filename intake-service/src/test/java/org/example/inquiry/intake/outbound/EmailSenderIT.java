package org.example.inquiry.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.DeliveryStatus;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OutboundKind;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.KafkaTestEnvironment;
import org.example.inquiry.testing.ServiceTestProperties;
import org.example.inquiry.testing.TopicReader;
import org.example.inquiry.testing.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The email channel outbound against a real broker and a real SMTP server (GreenMail on a loopback
 * port): an answer arrives as an email threaded to the customer's, its delivery is reported SENT; a
 * message that cannot be an email fails at once; with the server down, it fails after the retries
 * with the reason; a record nobody can read goes to the dead letters.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailSenderIT {

  static final KafkaTestEnvironment kafka = KafkaTestEnvironment.get();

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestProperties.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("intake.outbound.email.max-attempts", () -> "3");
    registry.add("intake.outbound.email.first-retry-delay", () -> "200ms");
    registry.add("intake.outbound.email.from", () -> "Accounts receivable <ar@example.org>");
  }

  @BeforeAll
  static void topicsOwnedByOtherServices() {
    kafka.createTopics(Topics.OUTBOUND_MESSAGES, Topics.INQUIRIES_RESOLVED, Topics.OPEN_ITEMS);
  }

  static OutboundMessage reply(String inquiryId, String to) {
    return OutboundMessage.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(inquiryId)
        .setOccurredAt(Instant.parse("2026-11-25T10:00:00Z"))
        .setMessageId("reply-" + UUID.randomUUID() + "@inquiry-platform.invalid")
        .setKind(OutboundKind.REPLY)
        .setChannel(Channel.EMAIL)
        .setCustomerId("C-1001")
        .setTo(new Contact("Dana Ortiz", to))
        .setSubject("Re: Delayed shipment under LC-77 [INQ-" + inquiryId + "]")
        .setBody("Dear Dana,\n\nwe have revised the delivery date. Grüße\n")
        .setInReplyTo("CAF-1234@mail.acme.example")
        .setReferences(List.of("CAF-1234@mail.acme.example"))
        .setAuthor("ben")
        .build();
  }

  static MessageDelivery awaitReport(String inquiryId) {
    return new TopicReader(kafka)
        .<MessageDelivery>firstValue(
            Topics.MESSAGE_DELIVERIES.name(), inquiryId, Duration.ofSeconds(60));
  }

  @Test
  @Order(1)
  void anAnswerArrivesAsAnEmailThreadedToTheCustomersAndIsReportedSent() throws Exception {
    String id = "mail-" + UUID.randomUUID();
    OutboundMessage reply = reply(id, "dana.ortiz@acme.example");
    new TopicWriter(kafka).send(Topics.OUTBOUND_MESSAGES.name(), id, reply);

    MessageDelivery report = awaitReport(id);
    assertThat(report.getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(report.getAttempts()).isEqualTo(1);
    assertThat(report.getMessageId()).isEqualTo(reply.getMessageId());
    assertThat(report.getDeliveredBy()).isEqualTo("intake-email-sender");

    MimeMessage email =
        Arrays.stream(mail.getReceivedMessages())
            .filter(m -> GreenMailUtil.getHeaders(m).contains(id))
            .findFirst()
            .orElseThrow();
    assertThat(email.getMessageID()).isEqualTo("<" + reply.getMessageId() + ">");
    assertThat(email.getHeader("In-Reply-To")[0]).isEqualTo("<CAF-1234@mail.acme.example>");
    assertThat(email.getHeader("References")[0]).isEqualTo("<CAF-1234@mail.acme.example>");
    assertThat(email.getSubject()).endsWith("[INQ-" + id + "]");
    assertThat(email.getAllRecipients()[0].toString()).contains("dana.ortiz@acme.example");
    assertThat(email.getFrom()[0].toString()).contains("ar@example.org");
    assertThat(((String) email.getContent()).strip()).endsWith("Grüße");
  }

  @Test
  @Order(2)
  void aMessageOfAnotherChannelIsLeftToItsAdapter() {
    String id = "portal-" + UUID.randomUUID();
    OutboundMessage portal = reply(id, "dana.ortiz@acme.example");
    portal.setChannel(Channel.PORTAL);
    new TopicWriter(kafka).send(Topics.OUTBOUND_MESSAGES.name(), id, portal);
    String marker = "mail-" + UUID.randomUUID();
    new TopicWriter(kafka)
        .send(Topics.OUTBOUND_MESSAGES.name(), marker, reply(marker, "dana.ortiz@acme.example"));

    awaitReport(marker);
    List<ConsumerRecord<String, MessageDelivery>> reports =
        new TopicReader(kafka).readAll(Topics.MESSAGE_DELIVERIES.name());
    assertThat(reports).noneMatch(r -> id.equals(r.key()));
  }

  @Test
  @Order(3)
  void aMessageThatCannotBeAnEmailFailsAtOnceWithTheReason() {
    String id = "bad-" + UUID.randomUUID();
    new TopicWriter(kafka)
        .send(Topics.OUTBOUND_MESSAGES.name(), id, reply(id, "not an address@@example"));

    MessageDelivery report = awaitReport(id);
    assertThat(report.getStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(report.getAttempts()).isEqualTo(1);
    assertThat(report.getDetail()).startsWith("not an email:");
  }

  @Test
  @Order(4)
  void aPoisonRecordIsDeadLetteredAndTheSenderGoesOn() {
    String key = "poison-" + UUID.randomUUID();
    new TopicWriter(kafka)
        .sendRaw(Topics.OUTBOUND_MESSAGES.name(), key, new byte[] {0, 0, 0, 0, 9, 9});
    String after = "after-" + UUID.randomUUID();
    new TopicWriter(kafka)
        .send(Topics.OUTBOUND_MESSAGES.name(), after, reply(after, "dana.ortiz@acme.example"));

    assertThat(awaitReport(after).getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(
            new TopicReader(kafka)
                .readRawUntil(
                    Topics.deadLetterOf(Topics.OUTBOUND_MESSAGES).name(),
                    rs -> rs.stream().anyMatch(r -> key.equals(r.key())),
                    Duration.ofSeconds(30)))
        .anySatisfy(r -> assertThat(r.key()).isEqualTo(key));
  }

  @Test
  @Order(5)
  void withTheServerDownItFailsAfterTheRetriesWithTheReason() {
    mail.stop();
    String id = "down-" + UUID.randomUUID();
    new TopicWriter(kafka)
        .send(Topics.OUTBOUND_MESSAGES.name(), id, reply(id, "dana.ortiz@acme.example"));

    MessageDelivery report = awaitReport(id);
    assertThat(report.getStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(report.getAttempts()).isEqualTo(3);
    assertThat(report.getDetail()).contains("MailSendException");
  }
}
