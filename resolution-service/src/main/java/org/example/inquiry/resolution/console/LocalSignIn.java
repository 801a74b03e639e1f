package org.example.inquiry.resolution.console;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.security.TokenPolicyProperties;
import org.example.inquiry.schemas.identity.PersonIds;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Local sign-in (the local stack only): the user picks a name and a role, and the console signs a
 * token for them with the stack's token issuer key, exactly as {@code ./stack token ROLE USER}
 * does. The token then passes the same decoder and token policy as every API call, so the console
 * holds nothing the API would not accept.
 */
final class LocalSignIn {

  /** The roles a person signs in to the console with (channel and finance-system are machines). */
  static final List<String> ROLES = List.of("agent", "approver", "supervisor", "auditor");

  /** Why a sign-in was refused, in words for the sign-in page. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason);
    }
  }

  private final JwtEncoder encoder;
  private final TokenPolicyProperties policy;
  private final ReactiveJwtDecoder decoder;
  private final Duration validity;
  private final Clock clock;

  LocalSignIn(
      ConsoleProperties properties,
      TokenPolicyProperties policy,
      ReactiveJwtDecoder decoder,
      Clock clock) {
    this.encoder = encoder(properties);
    this.policy = policy;
    this.decoder = decoder;
    Duration wanted = properties.signInValidity();
    this.validity = wanted.compareTo(policy.maxLifetime()) > 0 ? policy.maxLifetime() : wanted;
    this.clock = clock;
  }

  /** The user's canonical id, or why the name is not acceptable. */
  static String user(String name) {
    Optional<String> canonical = name == null ? Optional.empty() : PersonIds.canonical(name.trim());
    return canonical.orElseThrow(
        () ->
            new Refused(
                "'"
                    + (name == null ? "" : name.strip())
                    + "' is not a user id: letters, digits, dots, hyphens or an email address"));
  }

  /** Signs the user in with one role: the authentication the console keeps in the session. */
  Mono<Authentication> signIn(String name, String role) {
    String user;
    try {
      user = user(name);
    } catch (Refused refused) {
      return Mono.error(refused);
    }
    if (role == null || !ROLES.contains(role)) {
      return Mono.error(new Refused("pick one of the roles " + ROLES));
    }
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(policy.issuer())
            .audience(List.of(policy.audience()))
            .claim(policy.principalClaim(), user)
            .claim(policy.rolesClaim(), List.of(role))
            .issuedAt(now)
            .expiresAt(now.plus(validity))
            .id(UUID.randomUUID().toString())
            .build();
    String token =
        encoder
            .encode(
                JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
            .getTokenValue();
    return decoder
        .decode(token)
        .flatMap(jwt -> PlatformSecurityAutoConfiguration.principalConverter(policy).convert(jwt))
        .cast(Authentication.class)
        .onErrorMap(
            e -> !(e instanceof Refused),
            e ->
                new Refused(
                    "the API does not accept the console's token ("
                        + e.getMessage()
                        + "): is inquiry.console.sign-in-key the pair of the API's public key?"));
  }

  private static JwtEncoder encoder(ConsoleProperties properties) {
    RSAPrivateKey key;
    try (InputStream in = properties.signInKey().getInputStream()) {
      key = RsaKeyConverters.pkcs8().convert(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + properties.signInKey(), e);
    }
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalStateException(
          properties.signInKey() + " is not an RSA private key with its public part (PKCS#8)");
    }
    RSAPublicKey publicKey = publicKey(crt.getModulus(), crt.getPublicExponent());
    RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(key).build();
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
  }

  private static RSAPublicKey publicKey(BigInteger modulus, BigInteger exponent) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
