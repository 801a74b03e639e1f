package org.example.inquiry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

  @Test
  void signsTokensTheLocalStackServicesAccept() throws Exception {
    Tokens tokens = Tokens.fromPrivateKey(TestKeys.privatePem());
    Instant before = Instant.now().minusSeconds(1);

    SignedJWT jwt = SignedJWT.parse(tokens.token("agent", "alice"));

    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) TestKeys.pair().getPublic()))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("inquiry-local");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("inquiry-local");
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getStringListClaim("roles")).containsExactly("agent");
    assertThat(claims.getIssueTime().toInstant())
        .isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void cachesOneTokenPerRoleAndUser() {
    Tokens tokens = Tokens.fromPrivateKey(TestKeys.privatePem());

    String first = tokens.token("approver", "ivy");

    assertThat(tokens.token("approver", "ivy")).isSameAs(first);
    assertThat(tokens.token("approver", "jon")).isNotEqualTo(first);
    assertThat(tokens.token("supervisor", "ivy")).isNotEqualTo(first);
  }

  @Test
  void renewsATokenShortlyBeforeItExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    Tokens tokens = new Tokens(TestKeys.pair().getPrivate(), clock);
    String first = tokens.token("agent", "ben");

    clock.now = clock.now.plus(Duration.ofHours(7).plusMinutes(56));
    String renewed = tokens.token("agent", "ben");

    assertThat(renewed).isNotEqualTo(first);
    assertThat(SignedJWT.parse(renewed).getJWTClaimsSet().getIssueTime().toInstant())
        .isEqualTo(clock.now);
  }

  @Test
  void refusesKeysItCannotUse(@TempDir Path dir) throws Exception {
    Path pkcs1 = dir.resolve("rsa.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(
        garbage, "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> Tokens.fromPrivateKey(pkcs1)).hasMessageContaining("PKCS#1");
    assertThatThrownBy(() -> Tokens.fromPrivateKey(garbage))
        .hasMessageContaining("not a readable RSA private key");
    assertThatThrownBy(() -> Tokens.fromPrivateKey(dir.resolve("missing.pem")))
        .hasMessageContaining("./stack up creates it");
    Tokens tokens = Tokens.fromPrivateKey(TestKeys.privatePem());
    assertThatThrownBy(() -> tokens.token("agent", "no spaces allowed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

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
