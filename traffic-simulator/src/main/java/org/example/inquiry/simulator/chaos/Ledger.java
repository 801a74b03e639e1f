package org.example.inquiry.simulator.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The accounting of a run against the log: which accepted inquiries reached which topic how often,
 * duplicated event ids, and the stage counts metrics-service reports against the records on the
 * log. Pure: fed with what the readers found, it says what is wrong.
 */
public final class Ledger {

  /** Topics every accepted inquiry reaches exactly once. */
  public static final List<String> EXACTLY_ONCE =
      List.of("inquiries-received", "inquiries-classified", "inquiries-routed");

  private final Set<String> accepted;
  private final Map<String, Map<String, Integer>> perTopic = new LinkedHashMap<>();
  private final Map<String, Long> recordsOnLog = new LinkedHashMap<>();
  private final Map<String, Long> duplicateEventIds = new LinkedHashMap<>();
  private final Map<String, Set<String>> eventIds = new HashMap<>();
  private final Map<String, Integer> reopened = new HashMap<>();
  private final Set<String> receivedSinceStart = new HashSet<>();

  public Ledger(Set<String> accepted) {
    this.accepted = Set.copyOf(accepted);
  }

  /**
   * One event on the log (any run). {@code inRun}: written since the run started. {@code activity}
   * is the {@code InquiryWorked} activity, else null.
   */
  public void event(
      String topic, String inquiryId, String eventId, boolean inRun, String activity) {
    recordsOnLog.merge(topic, 1L, Long::sum);
    duplicateEventIds.putIfAbsent(topic, 0L);
    if (eventId != null && !eventIds.computeIfAbsent(topic, t -> new HashSet<>()).add(eventId)) {
      duplicateEventIds.merge(topic, 1L, Long::sum);
    }
    if (inquiryId == null) {
      return;
    }
    if (accepted.contains(inquiryId)) {
      perTopic.computeIfAbsent(topic, t -> new HashMap<>()).merge(inquiryId, 1, Integer::sum);
      if ("REOPENED".equals(activity)) {
        reopened.merge(inquiryId, 1, Integer::sum);
      }
    }
    if (inRun && topic.equals("inquiries-received")) {
      receivedSinceStart.add(inquiryId);
    }
  }

  public long accepted() {
    return accepted.size();
  }

  /** Accepted inquiries found on the topic (at least once). */
  public long delivered(String topic) {
    return perTopic.getOrDefault(topic, Map.of()).size();
  }

  /** Accepted inquiries found more than once on an exactly-once topic. */
  public long duplicated(String topic) {
    return perTopic.getOrDefault(topic, Map.of()).values().stream().filter(n -> n > 1).count();
  }

  /** Accepted inquiries not found on the topic. */
  public long lost(String topic) {
    return accepted.size() - delivered(topic);
  }

  /** Resolved more often than resolved once plus once per reopening. */
  public long resolvedTooOften() {
    return perTopic.getOrDefault("inquiries-resolved", Map.of()).entrySet().stream()
        .filter(e -> e.getValue() > 1 + reopened.getOrDefault(e.getKey(), 0))
        .count();
  }

  /** Inquiries received since the run started that the sender never saw accepted. */
  public long unacknowledged() {
    return receivedSinceStart.stream().filter(id -> !accepted.contains(id)).count();
  }

  public Map<String, Long> recordsOnLog() {
    return new TreeMap<>(recordsOnLog);
  }

  public Map<String, Long> duplicateEventIds() {
    return new TreeMap<>(duplicateEventIds);
  }

  /** Ids of accepted inquiries missing from a topic, at most {@code limit}. */
  public List<String> missingFrom(String topic, int limit) {
    List<String> missing = new ArrayList<>();
    Map<String, Integer> found = perTopic.getOrDefault(topic, Map.of());
    for (String id : accepted) {
      if (!found.containsKey(id)) {
        missing.add(id);
        if (missing.size() >= limit) {
          break;
        }
      }
    }
    return missing;
  }

  /** Every problem found, in words; empty when the run is exact. */
  public List<String> problems(Map<String, Long> kpiStageEvents, long casesMissing) {
    List<String> problems = new ArrayList<>();
    for (String topic : EXACTLY_ONCE) {
      if (lost(topic) > 0) {
        problems.add(lost(topic) + " accepted inquiries missing from " + topic);
      }
      if (duplicated(topic) > 0) {
        problems.add(duplicated(topic) + " accepted inquiries more than once on " + topic);
      }
    }
    if (resolvedTooOften() > 0) {
      problems.add(resolvedTooOften() + " inquiries resolved more often than reopened + 1");
    }
    duplicateEventIds.forEach(
        (topic, n) -> {
          if (n > 0) {
            problems.add(n + " duplicate event ids on " + topic);
          }
        });
    if (casesMissing > 0) {
      problems.add(casesMissing + " accepted inquiries have no case in resolution (stuck)");
    }
    recordsOnLog.forEach(
        (topic, n) -> {
          String stage = topic.substring(topic.indexOf('-') + 1);
          Long counted = kpiStageEvents.get(stage);
          if (counted != null && counted.longValue() != n) {
            problems.add("metrics counts " + counted + " " + stage + " events, the log has " + n);
          } else if (counted == null && kpiStageEvents.size() > 0) {
            problems.add("metrics reports no " + stage + " events, the log has " + n);
          }
        });
    return problems;
  }
}
