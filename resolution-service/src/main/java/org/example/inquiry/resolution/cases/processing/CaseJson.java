package org.example.inquiry.resolution.cases.processing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.kafka.common.serialization.Serde;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Refusal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a case is kept in the {@code cases} store and its changelog: the domain record as JSON. The
 * domain carries no JSON annotations; the few this form needs (which refusal an outcome was) are
 * mix-ins here.
 */
public final class CaseJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addMixIn(InquiryCase.class, CaseMixIn.class)
          .addMixIn(Refusal.class, RefusalMixIn.class)
          .build();

  private CaseJson() {}

  public static Serde<InquiryCase> serde() {
    return new JsonSerde<>(InquiryCase.class, MAPPER);
  }

  /** A conversation message kept until its case opens. */
  static Serde<InquiryCase.Message> messageSerde() {
    return new JsonSerde<>(InquiryCase.Message.class, MAPPER);
  }

  /** Derived from the status, not state of its own. */
  @JsonIgnoreProperties({"open"})
  private abstract static class CaseMixIn {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Refusal.NotFound.class, name = "NOT_FOUND"),
    @JsonSubTypes.Type(value = Refusal.Conflict.class, name = "CONFLICT"),
    @JsonSubTypes.Type(value = Refusal.Forbidden.class, name = "FORBIDDEN"),
    @JsonSubTypes.Type(value = Refusal.Invalid.class, name = "INVALID")
  })
  private interface RefusalMixIn {}
}
