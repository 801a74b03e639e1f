package org.example.inquiry.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.springframework.kafka.config.TopicBuilder;

/** Turns the catalogue into the {@link NewTopic}s a service creates: what it owns, plus DLTs. */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  /** The topics the service owns and their dead-letter topics. */
  public static List<NewTopic> ownedBy(String service, int replicationFactor) {
    List<NewTopic> topics = new ArrayList<>();
    for (TopicSpec spec : Topics.ownedBy(service)) {
      topics.add(toNewTopic(spec, replicationFactor));
      topics.add(toNewTopic(Topics.deadLetterOf(spec), replicationFactor));
    }
    for (TopicSpec spec : Topics.stateOwnedBy(service)) {
      topics.add(toNewTopic(spec, replicationFactor));
    }
    return topics;
  }

  /**
   * The topic as its owner creates it: partitions, retention and compaction from the catalogue,
   * {@code min.insync.replicas} from the replication factor (2 from three replicas on).
   */
  public static NewTopic toNewTopic(TopicSpec spec, int replicationFactor) {
    return TopicBuilder.name(spec.name())
        .partitions(spec.partitions())
        .replicas(replicationFactor)
        .configs(spec.config(replicationFactor))
        .build();
  }
}
