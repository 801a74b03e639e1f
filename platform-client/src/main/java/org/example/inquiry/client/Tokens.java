package org.example.inquiry.client;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stack's tokens for a client that calls as many people ({@link LocalTokens}: RS256,
 * issuer {@code inquiry-local}, audience {@code inquiry-platform}, valid 8 hours): one token per
 * role and user, cached and renewed when less than 5 minutes remain.
 */
public final class Tokens {

  public static final String ISSUER = LocalTokens.ISSUER;
  public static final String AUDIENCE = LocalTokens.AUDIENCE;
  static final Duration VALIDITY = LocalTokens.VALIDITY;
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final LocalTokens issuer;
  private final Clock clock;
  private final Map<String, Issued> cache = new ConcurrentHashMap<>();

  private record Issued(String token, Instant expiresAt) {}

  public Tokens(PrivateKey key, Clock clock) {
    this(new LocalTokens(key), clock);
  }

  private Tokens(LocalTokens issuer, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
  }

  /** Reads the local stack's PKCS#8 PEM private key (see {@link LocalTokens#fromPrivateKey}). */
  public static Tokens fromPrivateKey(Path pem) {
    return new Tokens(LocalTokens.fromPrivateKey(pem), Clock.systemUTC());
  }

  /** A bearer token (without the {@code Bearer } prefix) for {@code user} in {@code role}. */
  public String token(String role, String user) {
    if (role == null || role.isBlank() || user == null || !user.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "role must not be blank and user is 1-64 letters, digits and ._@- (got "
              + role
              + ", "
              + user
              + ")");
    }
    Instant now = clock.instant();
    return cache
        .compute(
            role + "\u0000" + user,
            (k, issued) ->
                issued != null && issued.expiresAt().minus(RENEW_BEFORE).isAfter(now)
                    ? issued
                    : sign(role, user, now))
        .token();
  }

  private Issued sign(String role, String user, Instant now) {
    Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
    return new Issued(
        issuer.issue(List.of(role), user, issuedAt, VALIDITY), issuedAt.plus(VALIDITY));
  }
}
