package org.example.inquiry.intake.registration;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which inquiries exist and which are resolved: the global stores, plus the ids this instance
 * registered in the last moments (the stores follow the topic a few milliseconds behind). Inside a
 * listener's Kafka transaction an id counts as registered for that transaction at once (a poll may
 * hold the same submission twice) and for everyone once the transaction has committed: a poll that
 * rolls back is delivered again and must register its inquiries again.
 */
@Component
public class InquiryIndex {

  private static final int RECENT = 10_000;

  private final KeyValueView<String> registered;
  private final KeyValueView<String> resolved;
  private final KeyValueView<String> followUps;
  private final Map<String, Boolean> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > RECENT;
            }
          });

  InquiryIndex(StoreQueries stores) {
    this.registered = stores.keyValue(InquiryIndexTopology.REGISTERED_STORE, "The inquiry index");
    this.resolved = stores.keyValue(InquiryIndexTopology.RESOLVED_STORE, "The inquiry index");
    this.followUps = stores.keyValue(InquiryIndexTopology.FOLLOW_UP_STORE, "The inquiry index");
  }

  public boolean isRegistered(String inquiryId) {
    Set<String> uncommitted = uncommitted(false);
    return recent.containsKey(inquiryId)
        || (uncommitted != null && uncommitted.contains(inquiryId))
        || registered.get(inquiryId).isPresent();
  }

  public boolean isResolved(String inquiryId) {
    return resolved.get(inquiryId).isPresent();
  }

  public boolean isFollowUpKnown(String eventId) {
    return recent.containsKey("follow-up:" + eventId) || followUps.get(eventId).isPresent();
  }

  /** Records a follow-up this instance has just published. */
  public void followedUp(String eventId) {
    recent.put("follow-up:" + eventId, Boolean.TRUE);
  }

  /**
   * Records an inquiry this instance has just published: at once when it was published in a
   * transaction of its own (committed), at the commit of the listener's transaction otherwise.
   */
  public void registered(String inquiryId) {
    Set<String> uncommitted = uncommitted(true);
    if (uncommitted != null) {
      uncommitted.add(inquiryId);
    } else {
      recent.put(inquiryId, Boolean.TRUE);
    }
  }

  /** The ids registered in the current transaction, or null outside a synchronized transaction. */
  @SuppressWarnings("unchecked")
  private Set<String> uncommitted(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Set<String> ids = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (ids == null && create) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(InquiryIndex.this);
              if (status == STATUS_COMMITTED) {
                fresh.forEach(id -> recent.put(id, Boolean.TRUE));
              }
            }
          });
      ids = fresh;
    }
    return ids;
  }
}
