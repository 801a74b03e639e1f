package org.example.inquiry.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.example.inquiry.client.LocalTokens;
import org.example.inquiry.schemas.identity.PersonIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The token policy against real RS256 tokens: every violation is refused, one canonical caller. */
class TokenPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static KeyPair ours;
  static KeyPair theirs;
  static ReactiveJwtDecoder decoder;
  static TokenPolicyProperties policy;

  @BeforeAll
  static void keys(@TempDir Path dir) throws Exception {
    ours = rsaKeys();
    theirs = rsaKeys();
    policy = properties(dir, ours);
    decoder = TokenPolicy.decoder(policy, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The local stack's policy, with {@code keys}' public key as a PEM file in {@code dir}. */
  static TokenPolicyProperties properties(Path dir, KeyPair keys) throws Exception {
    Path pem = dir.resolve("public.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return new TokenPolicyProperties(
        new FileSystemResource(pem),
        "",
        "inquiry-local",
        "inquiry-platform",
        "sub",
        "roles",
        Duration.ofSeconds(30),
        Duration.ofHours(12));
  }

  static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .issuer("inquiry-local")
        .audience("inquiry-platform")
        .subject("olga")
        .claim("roles", List.of("approver"))
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plusSeconds(3600)));
  }

  static String signed(JWTClaimsSet claims, KeyPair keys) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }

  static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
    JWTClaimsSet.Builder claims = valid();
    change.accept(claims);
    return signed(claims.build(), ours);
  }

  static Jwt decode(String token) {
    return decoder.decode(token).block();
  }

  static void refused(String token, String why) {
    assertThatThrownBy(() -> decode(token))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining(why);
  }

  @Test
  void aTokenThatKeepsThePolicyIsAcceptedAndNamesOneCanonicalCaller() throws Exception {
    Jwt jwt = decode(token(c -> c.subject(" ＯＬＧＡ ")));

    var authentication =
        (JwtAuthenticationToken)
            PlatformSecurityAutoConfiguration.principalConverter(policy).convert(jwt).block();

    assertThat(authentication.getName()).isEqualTo("olga");
    assertThat(authentication.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_approver");
  }

  @Test
  void theDecoderRemembersATokenItVerified() throws Exception {
    String token = token(c -> {});

    assertThat(decode(token)).isSameAs(decode(token));
  }

  @Test
  void unknownRolesGrantNothing() throws Exception {
    Jwt jwt = decode(token(c -> c.claim("roles", List.of("admin", "ROLE_supervisor"))));

    var authentication =
        PlatformSecurityAutoConfiguration.principalConverter(policy).convert(jwt).block();

    assertThat(authentication.getAuthorities()).isEmpty();
  }

  @Test
  void everyRequiredClaimMustBeThere() throws Exception {
    refused(token(c -> c.expirationTime(null)), "exp");
    refused(token(c -> c.issueTime(null)), "iat");
    refused(token(c -> c.subject(null)), "sub");
    refused(token(c -> c.subject("   ")), "sub");
  }

  @Test
  void aSubjectThatIsNoAcceptableIdentityIsRefused() throws Exception {
    refused(token(c -> c.subject("ol ga")), "sub");
    refused(token(c -> c.subject("\u043elga")), "sub");
    refused(token(c -> c.subject("olga\u0000")), "sub");
    refused(token(c -> c.claim("sub", Map.of("id", "olga"))), "");
    refused(token(c -> c.claim("sub", 42)), "sub");
  }

  @Test
  void issuerAndAudienceAreChecked() throws Exception {
    refused(token(c -> c.issuer("someone-else")), "iss");
    refused(token(c -> c.issuer(null)), "iss");
    refused(token(c -> c.audience("another-api")), "aud");
    refused(token(c -> c.audience((String) null)), "aud");
  }

  @Test
  void timesAreCheckedWithABoundedSkew() throws Exception {
    refused(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(31)))), "expired");
    decode(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(20)))));
    refused(token(c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), "future");
    refused(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120)))), "");
    refused(
        token(
            c ->
                c.issueTime(Date.from(NOW.minusSeconds(60)))
                    .expirationTime(Date.from(NOW.plus(Duration.ofDays(365))))),
        "lives longer");
  }

  @Test
  void rolesMustBeAListOfStrings() throws Exception {
    refused(token(c -> c.claim("roles", "approver supervisor")), "roles");
    refused(token(c -> c.claim("roles", List.of(1, 2))), "roles");
  }

  @Test
  void anotherKeyNoSignatureOrAnotherAlgorithmIsRefused() throws Exception {
    refused(signed(valid().build(), theirs), "");
    refused(new PlainJWT(valid().build()).serialize(), "");
    // HS256 keyed with our public key, the classic algorithm-confusion attack.
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid().build());
    byte[] secret = Arrays.copyOf(ours.getPublic().getEncoded(), 64);
    hmac.sign(new MACSigner(secret));
    refused(hmac.serialize(), "");
    String good = signed(valid().build(), ours);
    String[] parts = good.split("\\.");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    valid().subject("ivy").build().toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    refused(tampered, "");
    refused("not.a.token", "");
  }

  @Test
  void theLocalIssuersTokensPassThePolicyWhateverTheSpellingOfTheName() {
    LocalTokens local = new LocalTokens(ours.getPrivate());

    Jwt jwt =
        decoder
            .decode(
                local.issue(
                    List.of("agent"), " \uff21\uff2c\uff29\uff23\uff25 ", NOW, Duration.ofHours(8)))
            .block();

    assertThat(jwt.getAudience()).containsExactly("inquiry-platform");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("agent");
    assertThat(jwt.getId()).isNotBlank();
    assertThat(PersonIds.canonical(jwt.getSubject())).contains("alice");
  }
}
