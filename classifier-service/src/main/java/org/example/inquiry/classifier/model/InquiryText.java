package org.example.inquiry.classifier.model;

/** How an inquiry's subject and body become the one text the model reads, in training and use. */
public final class InquiryText {

  private InquiryText() {}

  /** Subject and body joined by a line break; null parts count as empty. */
  public static String of(String subject, String body) {
    return (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
  }
}
