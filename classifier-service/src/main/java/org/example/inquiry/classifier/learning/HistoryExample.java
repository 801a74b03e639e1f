package org.example.inquiry.classifier.learning;

import java.util.List;

/**
 * One example of the labelled history: an inquiry's text and the types its agent confirmed.
 *
 * @param inquiryId the inquiry; decides whether the example is trained on or held back
 * @param text subject and body as the classifier reads them (personal data: never logged)
 * @param types confirmed types, main type first; never empty
 */
public record HistoryExample(String inquiryId, String text, List<String> types) {

  public HistoryExample {
    types = List.copyOf(types);
    if (inquiryId == null || types.isEmpty()) {
      throw new IllegalArgumentException("a history example needs an inquiry id and a type");
    }
    text = text == null ? "" : text;
  }
}
