package org.example.inquiry.simulator.traffic;

/** How a simulated inquiry reaches intake. */
public enum Channel {
  /** JSON over {@code POST /api/v1/inquiries} (channel field PORTAL or API). */
  PORTAL("portal/API"),
  /** A raw RFC 822 message over {@code POST /api/v1/channels/email}. */
  EMAIL("email"),
  /** {@code InquirySubmitted} on the {@code inquiries-submitted} topic, as a CRM adapter would. */
  ADAPTER("Kafka adapter");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
