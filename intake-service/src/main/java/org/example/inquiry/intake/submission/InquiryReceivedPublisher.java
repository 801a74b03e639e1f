package org.example.inquiry.intake.submission;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes {@code InquiryReceived} in its own Kafka transaction, keyed by inquiry id. */
@Component
class InquiryReceivedPublisher {

  private final KafkaTemplate<Object, Object> template;

  InquiryReceivedPublisher(KafkaTemplate<Object, Object> template) {
    this.template = template;
  }

  /** Completes once the event is committed to {@code inquiries-received}. */
  Mono<InquiryReceived> publish(InquiryReceived event) {
    return Mono.fromCallable(
            () ->
                template.executeInTransaction(
                    t -> {
                      try {
                        t.send(Topics.INQUIRIES_RECEIVED.name(), event.getInquiryId(), event)
                            .get(30, TimeUnit.SECONDS);
                        return event;
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(
                            "interrupted publishing " + event.getInquiryId(), e);
                      } catch (ExecutionException | TimeoutException e) {
                        throw new IllegalStateException(
                            "could not publish inquiry " + event.getInquiryId() + ": " + e, e);
                      }
                    }))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
