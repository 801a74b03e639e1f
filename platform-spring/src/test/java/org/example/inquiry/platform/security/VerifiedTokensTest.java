package org.example.inquiry.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** A verified token is remembered, yet the time-bound policy holds at every use. */
class VerifiedTokensTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static KeyPair ours;
  static KeyPair theirs;
  static TokenPolicyProperties properties;

  final MovableClock clock = new MovableClock();
  final AtomicLong nanos = new AtomicLong();
  final AtomicInteger verifications = new AtomicInteger();
  VerifiedTokens tokens;

  @BeforeAll
  static void keys(@TempDir Path dir) throws Exception {
    ours = TokenPolicyTest.rsaKeys();
    theirs = TokenPolicyTest.rsaKeys();
    properties = TokenPolicyTest.properties(dir, ours);
  }

  @BeforeEach
  void decoder() {
    TokenPolicy policy = new TokenPolicy(properties, clock);
    NimbusReactiveJwtDecoder nimbus =
        NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) ours.getPublic())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    nimbus.setJwtValidator(policy);
    ReactiveJwtDecoder counting =
        token -> {
          verifications.incrementAndGet();
          return nimbus.decode(token);
        };
    Ticker ticker = nanos::get;
    tokens = new VerifiedTokens(counting, policy, ticker);
  }

  static String token(KeyPair keys, Instant expires) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("inquiry-local")
            .audience("inquiry-platform")
            .subject("channel.portal")
            .claim("roles", List.of("channel"))
            .issueTime(Date.from(NOW.minusSeconds(60)))
            .expirationTime(Date.from(expires))
            .build();
    return TokenPolicyTest.signed(claims, keys);
  }

  Jwt decode(String token) {
    return tokens.decode(token).block();
  }

  @Test
  void aTokenIsVerifiedOnceAndThenRemembered() throws Exception {
    String token = token(ours, NOW.plusSeconds(3600));

    Jwt first = decode(token);
    Jwt again = decode(token);

    assertThat(again).isSameAs(first);
    assertThat(again.getSubject()).isEqualTo("channel.portal");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aRememberedTokenIsRefusedTheMomentItExpiresAndForgotten() throws Exception {
    String token = token(ours, NOW.plusSeconds(600));
    decode(token);

    clock.now = NOW.plusSeconds(600 + 31); // past the expiry and the 30 s skew

    assertThatThrownBy(() -> decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).hasValue(1);
    assertThatThrownBy(() -> decode(token)).isInstanceOf(JwtException.class);
    assertThat(verifications).as("forgotten: verified again, and refused").hasValue(2);
  }

  @Test
  void aTokenIsRememberedForAFewMinutesAtMost() throws Exception {
    String token = token(ours, NOW.plusSeconds(3600));
    decode(token);
    nanos.addAndGet(VerifiedTokens.REMEMBER_FOR.toNanos() - 1);
    decode(token);
    assertThat(verifications).hasValue(1);

    nanos.addAndGet(2);
    decode(token);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRefusedTokenIsNeverRemembered() throws Exception {
    String forged = token(theirs, NOW.plusSeconds(3600));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decode(forged)).isInstanceOf(JwtException.class);
    }

    assertThat(verifications).hasValue(3);
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
