package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.example.inquiry.platform.streams.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class KpiStoreTest {

  @Test
  void aStoreThatMovesWhileItIsReadIsUnavailableNotAnError() {
    StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
    KafkaStreams streams = mock(KafkaStreams.class);
    when(factory.getKafkaStreams()).thenReturn(streams);
    when(streams.state()).thenReturn(KafkaStreams.State.RUNNING);
    when(streams.metadataForLocalThreads()).thenReturn(Set.of());
    @SuppressWarnings("unchecked")
    ReadOnlyKeyValueStore<Object, Object> facts = mock(ReadOnlyKeyValueStore.class);
    when(facts.all())
        .thenThrow(
            new InvalidStateStoreException(
                "The state store, inquiry-facts, may have migrated to another instance."));
    when(streams.store(any())).thenReturn(facts);
    KpiStore store = new KpiStore(factory);
    Instant now = Instant.parse("2026-12-03T00:00:00Z");

    assertThatThrownBy(
            () ->
                store.localShares(
                    List.of(
                        new KpiQuery(
                            now.minusSeconds(3600), now, now, KpiCalculator.GroupBy.NONE, null))))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("moving between instances");
  }
}
