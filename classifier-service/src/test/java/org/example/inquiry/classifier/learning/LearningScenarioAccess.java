package org.example.inquiry.classifier.learning;

import java.util.List;

/** The learning scenario for the broker test in the parent package. */
public final class LearningScenarioAccess {

  /** An inquiry of the scenario with the types its agent confirms. */
  public record Labelled(String inquiryId, String subject, String body, List<String> types) {}

  private LearningScenarioAccess() {}

  public static List<Labelled> good() {
    return map(LearningScenario.good());
  }

  public static List<Labelled> bad() {
    return map(LearningScenario.bad());
  }

  private static List<Labelled> map(List<LearningScenario.Inquiry> inquiries) {
    return inquiries.stream()
        .map(i -> new Labelled(i.inquiryId(), i.subject(), i.body(), i.types()))
        .toList();
  }
}
