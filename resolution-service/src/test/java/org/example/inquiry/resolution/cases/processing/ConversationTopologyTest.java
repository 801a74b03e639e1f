package org.example.inquiry.resolution.cases.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.example.inquiry.resolution.cases.Activity;
import org.example.inquiry.resolution.cases.CaseStatus;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.InquiryCase.MessageKind;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Contact;
import org.example.inquiry.schemas.DeliveryStatus;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OutboundKind;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.catalog.Topics;
import org.example.inquiry.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation through the case processor: the customer's email before routing opens the
 * conversation, answers are published on {@code outbound-messages} threaded to it, notes stay
 * internal, follow-ups join, delivery reports land on the message and the timeline.
 */
class ConversationTopologyTest {

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  CaseTopologyDriver topology =
      new CaseTopologyDriver(
          Clock.fixed(T0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC), Duration.ofSeconds(10));

  @AfterEach
  void close() {
    topology.close();
  }

  InquiryReceived emailed(String id) {
    InquiryReceived received = Events.aReceivedInquiry(id);
    received.setChannel(Channel.EMAIL);
    received.setChannelMessageId("CAF-1234@mail.acme.example");
    received.setAttachments(
        List.of(new Attachment("delivery-note.pdf", "application/pdf", 48211L, "ab12")));
    return received;
  }

  void command(String id, String type, String actor, String text) {
    InquiryCommand c =
        InquiryCommand.newBuilder()
            .setCommandId(UUID.randomUUID().toString())
            .setInquiryId(id)
            .setIssuedAt(T0.plusSeconds(60))
            .setActor(actor)
            .setRoles(List.of("agent"))
            .setType(type)
            .setText(text)
            .build();
    topology.pipe(Topics.INQUIRY_COMMANDS, id, c);
  }

  @Test
  void theCustomersEmailOpensTheConversationAndTheReplyGoesOutThreadedToIt() {
    String id = "conv-1";
    topology.pipe(Topics.INQUIRIES_RECEIVED, id, emailed(id));
    assertThat(topology.cases().get(id)).as("no case before routing").isNull();
    topology.pipe(Topics.INQUIRIES_ROUTED, id, Events.aRoutedInquiry(id, T0));

    InquiryCase opened = topology.cases().get(id);
    assertThat(opened.conversation()).hasSize(1);
    InquiryCase.Message inquiry = opened.conversation().get(0);
    assertThat(inquiry.kind()).isEqualTo(MessageKind.INQUIRY);
    assertThat(inquiry.messageId()).isEqualTo("CAF-1234@mail.acme.example");
    assertThat(inquiry.subject()).isEqualTo("Delayed shipment under letter of credit LC-77");
    assertThat(inquiry.body()).contains("PO-5521");
    assertThat(inquiry.contactEmail()).isEqualTo("dana@acme.example");
    assertThat(inquiry.attachments())
        .extracting(InquiryCase.AttachmentInfo::fileName)
        .containsExactly("delivery-note.pdf");

    command(id, "NOTE", "ben", "customer is key account, check LC expiry first");
    command(id, "REPLY", "ben", "Dear Dana, we are revising the delivery date.");

    List<OutboundMessage> out = topology.read(Topics.OUTBOUND_MESSAGES);
    assertThat(out)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getKind()).isEqualTo(OutboundKind.REPLY);
              assertThat(m.getChannel()).isEqualTo(Channel.EMAIL);
              assertThat(m.getTo().getEmail()).isEqualTo("dana@acme.example");
              assertThat(m.getSubject())
                  .isEqualTo("Re: Delayed shipment under letter of credit LC-77 [INQ-conv-1]");
              assertThat(m.getInReplyTo()).isEqualTo("CAF-1234@mail.acme.example");
              assertThat(m.getReferences()).containsExactly("CAF-1234@mail.acme.example");
              assertThat(m.getBody()).isEqualTo("Dear Dana, we are revising the delivery date.");
              assertThat(m.getAuthor()).isEqualTo("ben");
              assertThat(m.getMessageId())
                  .startsWith("reply-")
                  .endsWith("@inquiry-platform.invalid");
            });
    InquiryCase replied = topology.cases().get(id);
    assertThat(replied.conversation())
        .extracting(InquiryCase.Message::kind)
        .containsExactly(MessageKind.INQUIRY, MessageKind.NOTE, MessageKind.REPLY);
    InquiryCase.Message note = replied.conversation().get(1);
    assertThat(note.customerFacing()).isFalse();
    assertThat(note.body()).contains("LC expiry");
    assertThat(replied.conversation().get(2).delivery().status())
        .isEqualTo(InquiryCase.DeliveryStatus.PENDING);
  }

  @Test
  void deliveryReportsLandOnTheMessageAndAFailureIsAnAlert() {
    String id = "conv-2";
    topology.pipe(Topics.INQUIRIES_RECEIVED, id, emailed(id));
    topology.pipe(Topics.INQUIRIES_ROUTED, id, Events.aRoutedInquiry(id, T0));
    command(id, "REQUEST_INFO", "ben", "Please send the bill of lading.");
    OutboundMessage request = topology.<OutboundMessage>read(Topics.OUTBOUND_MESSAGES).get(0);
    assertThat(request.getKind()).isEqualTo(OutboundKind.INFORMATION_REQUEST);
    topology.read(Topics.INQUIRIES_WORKED);

    topology.pipe(Topics.MESSAGE_DELIVERIES, id, report(id, request, DeliveryStatus.FAILED, 5));
    InquiryCase failed = topology.cases().get(id);
    assertThat(failed.message(request.getMessageId()).delivery().status())
        .isEqualTo(InquiryCase.DeliveryStatus.FAILED);
    assertThat(failed.message(request.getMessageId()).delivery().detail())
        .contains("connection refused");
    assertThat(failed.timeline())
        .anySatisfy(e -> assertThat(e.event()).isEqualTo(Activity.MESSAGE_DELIVERY_FAILED));
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getActivity()).isEqualTo("MESSAGE_DELIVERY_FAILED");
              assertThat(w.getEscalatedTo()).isEqualTo(failed.assignee());
            });

    // a resend that got through later, and the same report again: one SENT, no more events
    topology.pipe(Topics.MESSAGE_DELIVERIES, id, report(id, request, DeliveryStatus.SENT, 6));
    topology.pipe(Topics.MESSAGE_DELIVERIES, id, report(id, request, DeliveryStatus.SENT, 6));
    InquiryCase sent = topology.cases().get(id);
    assertThat(sent.message(request.getMessageId()).delivery().status())
        .isEqualTo(InquiryCase.DeliveryStatus.SENT);
    assertThat(topology.<InquiryWorked>read(Topics.INQUIRIES_WORKED))
        .extracting(InquiryWorked::getActivity)
        .containsExactly("MESSAGE_SENT");
    assertThat(sent.status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);
  }

  @Test
  void aFollowUpJoinsTheConversationOnceAndTheNextReplyThreadsToIt() {
    String id = "conv-3";
    topology.pipe(Topics.INQUIRIES_ROUTED, id, Events.aRoutedInquiry(id, T0));
    topology.pipe(Topics.INQUIRIES_RECEIVED, id, emailed(id));
    assertThat(topology.cases().get(id).conversation())
        .as("the inquiry joins a case routed first, too")
        .hasSize(1);
    InquiryFollowedUp followUp =
        InquiryFollowedUp.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setInquiryId(id)
            .setOccurredAt(T0.plusSeconds(30))
            .setChannel(Channel.EMAIL)
            .setChannelMessageId("CAF-5678@mail.acme.example")
            .setSubmittedBy("email-gateway")
            .setContact(new Contact("Lee Park", "lee.park@acme.example"))
            .setSubject("RE: Delayed shipment [INQ-conv-3]")
            .setBody("Any news?")
            .build();
    topology.pipe(Topics.INQUIRIES_FOLLOWED_UP, id, followUp);
    topology.pipe(Topics.INQUIRIES_FOLLOWED_UP, id, followUp);
    assertThat(topology.cases().get(id).conversation()).hasSize(2);
    assertThat(topology.cases().get(id).followUps()).isEqualTo(1);

    command(id, "REPLY", "ben", "Yes: the new date is 12 December.");
    OutboundMessage reply = topology.<OutboundMessage>read(Topics.OUTBOUND_MESSAGES).get(0);
    assertThat(reply.getTo().getEmail()).as("the latest writer").isEqualTo("lee.park@acme.example");
    assertThat(reply.getInReplyTo()).isEqualTo("CAF-5678@mail.acme.example");
    assertThat(reply.getReferences())
        .containsExactly("CAF-1234@mail.acme.example", "CAF-5678@mail.acme.example");
  }

  @Test
  void aReportForACaseThatDoesNotExistIsADeadLetter() {
    MessageDelivery orphan =
        MessageDelivery.newBuilder()
            .setEventId("e")
            .setInquiryId("nope")
            .setOccurredAt(T0)
            .setMessageId("reply-x@inquiry-platform.invalid")
            .setChannel(Channel.EMAIL)
            .setStatus(DeliveryStatus.SENT)
            .setAttempts(1)
            .setDeliveredBy("intake-email-sender")
            .build();
    assertThatThrownBy(() -> topology.pipe(Topics.MESSAGE_DELIVERIES, "nope", orphan))
        .as("the platform's processing handler turns this into a dead letter with the reason")
        .hasStackTraceContaining("no case for the delivery of message");
  }

  static MessageDelivery report(
      String id, OutboundMessage message, DeliveryStatus status, int attempts) {
    return MessageDelivery.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setInquiryId(id)
        .setOccurredAt(T0.plusSeconds(120 + attempts))
        .setMessageId(message.getMessageId())
        .setChannel(Channel.EMAIL)
        .setStatus(status)
        .setAttempts(attempts)
        .setDetail(
            status == DeliveryStatus.FAILED ? "connection refused by 127.0.0.1:3025" : "250 OK")
        .setDeliveredBy("intake-email-sender")
        .build();
  }
}
