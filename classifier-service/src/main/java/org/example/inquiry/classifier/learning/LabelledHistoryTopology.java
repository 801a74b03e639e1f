package org.example.inquiry.classifier.learning;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.classifier.model.InquiryText;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.LabelledExample;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labelled history: every resolved inquiry whose resolution confirms types becomes a {@link
 * LabelledExample} on {@code classifier-labelled-examples}, joined with the inquiry's text from
 * {@code inquiries-received} (both keyed by inquiry id, 6 partitions, so co-partitioned). So does
 * an agent's correction of the types ({@code RECLASSIFIED} on {@code inquiries-worked}), at once:
 * the history keeps the latest example per inquiry, so the resolution's confirmation later replaces
 * it. Only the text the model reads is kept in the store, not the whole received event. Resolutions
 * by the auto-responder are skipped: their types are the classifier's own, and learning from them
 * would only reinforce its mistakes.
 */
public final class LabelledHistoryTopology {

  /**
   * State store of each inquiry's text (personal data; changelog topic internal to the service).
   */
  public static final String TEXTS_STORE = "inquiry-texts";

  /** Value of {@code source} on an example a resolution confirmed. */
  public static final String AGENT_CONFIRMED = "agent-confirmed";

  /** Value of {@code source} on an example an agent's reclassification corrected. */
  public static final String AGENT_CORRECTED = "agent-corrected";

  static final String RECLASSIFIED = "RECLASSIFIED";

  static final String AUTO_RESPONDER = "auto-responder";

  private static final Logger log = LoggerFactory.getLogger(LabelledHistoryTopology.class);

  private LabelledHistoryTopology() {}

  public static void build(StreamsBuilder builder, Serde<SpecificRecord> avro) {
    KTable<String, String> texts =
        builder.stream(Topics.INQUIRIES_RECEIVED.name(), Consumed.with(Serdes.String(), avro))
            .filter((id, v) -> id != null && v instanceof InquiryReceived)
            .mapValues(v -> textOf((InquiryReceived) v))
            .toTable(
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(TEXTS_STORE)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Serdes.String()));
    learn(
        builder.stream(Topics.INQUIRIES_RESOLVED.name(), Consumed.with(Serdes.String(), avro))
            .filter((id, v) -> id != null && v instanceof InquiryResolved r && learnable(r)),
        texts,
        (resolved, text) -> example((InquiryResolved) resolved, text),
        "resolved",
        avro);
    learn(
        builder.stream(Topics.INQUIRIES_WORKED.name(), Consumed.with(Serdes.String(), avro))
            .filter((id, v) -> id != null && v instanceof InquiryWorked w && corrects(w)),
        texts,
        (worked, text) -> correction((InquiryWorked) worked, text),
        "reclassified",
        avro);
  }

  /** Joins the labelling events with the inquiries' texts into examples on the history topic. */
  private static void learn(
      KStream<String, SpecificRecord> labels,
      KTable<String, String> texts,
      BiFunction<SpecificRecord, String, LabelledExample> example,
      String what,
      Serde<SpecificRecord> avro) {
    labels
        .leftJoin(
            texts,
            (label, text) -> (SpecificRecord) example.apply(label, text),
            Joined.with(Serdes.String(), avro, Serdes.String()))
        .filter(
            (id, labelled) -> {
              if (labelled == null) {
                log.warn("No received text for {} inquiry {}: not learned from", what, id);
              }
              return labelled != null;
            })
        .to(Topics.CLASSIFIER_LABELLED_EXAMPLES.name(), Produced.with(Serdes.String(), avro));
  }

  /** An agent's reclassification with at least one type. */
  static boolean corrects(InquiryWorked worked) {
    return RECLASSIFIED.equals(worked.getActivity())
        && worked.getCorrectedTypes() != null
        && worked.getCorrectedTypes().stream().anyMatch(t -> t != null && !t.isBlank());
  }

  /** The example a correction makes, or null without the text; its id derives from the event's. */
  static LabelledExample correction(InquiryWorked worked, String text) {
    if (text == null) {
      return null;
    }
    return LabelledExample.newBuilder()
        .setEventId(
            UUID.nameUUIDFromBytes(
                    ("labelled-correction:" + worked.getEventId()).getBytes(StandardCharsets.UTF_8))
                .toString())
        .setInquiryId(worked.getInquiryId())
        .setOccurredAt(worked.getOccurredAt())
        .setText(text)
        .setTypes(types(worked.getCorrectedTypes()))
        .setSource(AGENT_CORRECTED)
        .setResolvedBy(worked.getActor())
        .build();
  }

  private static List<String> types(List<String> named) {
    return named.stream()
        .filter(t -> t != null && !t.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }

  static String textOf(InquiryReceived received) {
    return InquiryText.of(received.getSubject(), received.getBody());
  }

  /** A resolution an agent took, with at least one confirmed type. */
  static boolean learnable(InquiryResolved resolved) {
    return !AUTO_RESPONDER.equals(resolved.getResolvedBy())
        && resolved.getConfirmedTypes().stream().anyMatch(t -> t != null && !t.isBlank());
  }

  /**
   * The example a resolution makes, or null without the text. Its event id derives from the
   * resolution's, so reprocessing the same resolution gives the same example.
   */
  static LabelledExample example(InquiryResolved resolved, String text) {
    if (text == null) {
      return null;
    }
    List<String> types = types(resolved.getConfirmedTypes());
    return LabelledExample.newBuilder()
        .setEventId(
            UUID.nameUUIDFromBytes(
                    ("labelled-example:" + resolved.getEventId()).getBytes(StandardCharsets.UTF_8))
                .toString())
        .setInquiryId(resolved.getInquiryId())
        .setOccurredAt(resolved.getOccurredAt())
        .setText(text)
        .setTypes(types)
        .setSource(AGENT_CONFIRMED)
        .setResolvedBy(resolved.getResolvedBy())
        .build();
  }
}
