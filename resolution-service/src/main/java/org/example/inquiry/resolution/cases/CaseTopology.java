package org.example.inquiry.resolution.cases;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.TeamAssignment;
import org.example.inquiry.schemas.catalog.Topics;

/**
 * The case store: every routed inquiry folded into its {@link InquiryCase}, keyed by inquiry id, in
 * the {@value #CASES_STORE} store (changelogged, so it survives restarts and moves with its
 * partition). Built from a plain method so TopologyTestDriver tests need no Spring context.
 */
public final class CaseTopology {

  public static final String CASES_STORE = "cases";

  private CaseTopology() {}

  public static void build(StreamsBuilder builder, Serde<InquiryRouted> routedSerde) {
    builder.stream(Topics.INQUIRIES_ROUTED.name(), Consumed.with(Serdes.String(), routedSerde))
        .groupByKey()
        .aggregate(
            () -> null,
            (inquiryId, routed, current) -> InquiryCase.routed(current, toFact(routed)),
            Materialized.<String, InquiryCase, KeyValueStore<Bytes, byte[]>>as(CASES_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(InquiryCase.class)));
  }

  static InquiryCase.Routed toFact(InquiryRouted routed) {
    var context = routed.getContext();
    return new InquiryCase.Routed(
        routed.getInquiryId(),
        routed.getOccurredAt(),
        context.getReceivedAt(),
        context.getChannel().name(),
        context.getCustomerId(),
        routed.getTypes(),
        routed.getUrgency().name(),
        routed.getTeams().stream().map(TeamAssignment::getTeam).toList(),
        routed.getTriage(),
        routed.getReason(),
        routed.getRoutingRuleId(),
        routed.getPriority(),
        context.getAmount() == null ? null : context.getAmount().getAmount(),
        context.getAmount() == null ? null : context.getAmount().getCurrency(),
        routed.getResponseDueAt(),
        routed.getResolutionDueAt());
  }
}
