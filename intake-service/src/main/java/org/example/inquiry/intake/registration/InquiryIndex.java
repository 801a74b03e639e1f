package org.example.inquiry.intake.registration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.example.inquiry.platform.streams.KeyValueView;
import org.example.inquiry.platform.streams.StoreQueries;
import org.springframework.stereotype.Component;

/**
 * Which inquiries exist and which are resolved: the global stores, plus the ids this instance
 * registered in the last moments (the stores follow the topic a few milliseconds behind).
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
    return recent.containsKey(inquiryId) || registered.get(inquiryId).isPresent();
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

  /** Records an inquiry this instance has just published. */
  public void registered(String inquiryId) {
    recent.put(inquiryId, Boolean.TRUE);
  }
}
