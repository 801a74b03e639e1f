package org.example.inquiry.simulator.traffic;

import java.util.random.RandomGenerator;

/**
 * Shares of the channels in the generated traffic (they need not add up to 1; they are normalised).
 */
public record ChannelMix(double portal, double email, double adapter) {

  /** About 60 % portal/API, 25 % email, 15 % Kafka adapter. */
  public static final ChannelMix DEFAULT = new ChannelMix(0.60, 0.25, 0.15);

  public ChannelMix {
    if (portal < 0 || email < 0 || adapter < 0 || portal + email + adapter <= 0) {
      throw new IllegalArgumentException("channel shares must be >= 0 and not all 0");
    }
  }

  /** The same mix with the adapter's share moved to the portal (no Kafka at hand). */
  public ChannelMix withoutAdapter() {
    return new ChannelMix(portal + adapter, email, 0);
  }

  public double share(Channel channel) {
    double total = portal + email + adapter;
    return switch (channel) {
      case PORTAL -> portal / total;
      case EMAIL -> email / total;
      case ADAPTER -> adapter / total;
    };
  }

  public Channel draw(RandomGenerator random) {
    double x = random.nextDouble() * (portal + email + adapter);
    if (x < portal) {
      return Channel.PORTAL;
    }
    return x < portal + email || adapter == 0 ? Channel.EMAIL : Channel.ADAPTER;
  }
}
