package org.example.inquiry.simulator.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs bearer tokens exactly like {@code ./stack token ROLE USER}: RS256, header {@code kid
 * inquiry-local}, issuer {@code inquiry-local}, audience {@code inquiry-platform}, subject the
 * user, {@code roles} [ROLE], valid 8 hours. One token per role and user is cached and renewed when
 * less than 5 minutes remain.
 */
public final class Tokens {

  public static final String ISSUER = "inquiry-local";
  public static final String AUDIENCE = "inquiry-platform";
  static final Duration VALIDITY = Duration.ofHours(8);
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final PrivateKey key;
  private final Clock clock;
  private final Map<String, Issued> cache = new ConcurrentHashMap<>();

  private record Issued(String token, Instant expiresAt) {}

  public Tokens(PrivateKey key, Clock clock) {
    if (!"RSA".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException("an RSA private key is needed, not " + key.getAlgorithm());
    }
    this.key = key;
    this.clock = clock;
  }

  /**
   * Reads a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey}
   * writes it; the local stack's is {@code .stack/auth/private.pem}).
   */
  public static Tokens fromPrivateKey(Path pem) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the token signing key " + pem + " (./stack up creates it)", e);
    }
    return new Tokens(parsePkcs8(text, pem.toString()), Clock.systemUTC());
  }

  static PrivateKey parsePkcs8(String pem, String source) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          source
              + " is a PKCS#1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out"
              + " KEY8");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(source + " holds no PEM PKCS#8 private key");
    }
    String base64 =
        pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not a readable RSA private key", e);
    }
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
    Instant expiresAt = issuedAt.plus(VALIDITY);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(user)
            .claim("roles", List.of(role))
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(ISSUER)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a token for " + user + " failed", e);
    }
    return new Issued(jwt.serialize(), expiresAt);
  }
}
