package org.example.inquiry.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.example.inquiry.schemas.identity.PersonIds;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks a signed token must pass before anything trusts it: {@code exp} and {@code iat}
 * present, not expired and not issued in the future beyond the skew, a bounded lifetime, the
 * configured issuer and audience, a principal claim that reduces to an acceptable canonical person
 * id, and a roles claim that is a list of strings.
 */
final class TokenPolicy implements OAuth2TokenValidator<Jwt> {

  private final TokenPolicyProperties properties;
  private final Clock clock;
  private final OAuth2TokenValidator<Jwt> standard;

  TokenPolicy(TokenPolicyProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
    timestamps.setAllowEmptyExpiryClaim(false);
    timestamps.setClock(clock);
    this.standard =
        JwtValidators.createDefaultWithValidators(
            timestamps,
            new JwtIssuerValidator(properties.issuer()),
            new JwtAudienceValidator(properties.audience()));
  }

  /**
   * A decoder that accepts only RS256 tokens signed by the configured key (a PEM public key or the
   * identity provider's JWK set) and passing this policy; a token it verified is remembered for a
   * few minutes and checked against the policy again at each use ({@link VerifiedTokens}).
   */
  static ReactiveJwtDecoder decoder(TokenPolicyProperties policy, Clock clock) {
    NimbusReactiveJwtDecoder decoder;
    if (policy.jwkSetUri() != null && !policy.jwkSetUri().isBlank()) {
      decoder =
          NimbusReactiveJwtDecoder.withJwkSetUri(policy.jwkSetUri())
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else if (policy.publicKeyLocation() != null) {
      decoder =
          NimbusReactiveJwtDecoder.withPublicKey(publicKey(policy))
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else {
      throw new IllegalStateException(
          "Set inquiry.security.token.public-key-location (a PEM RSA public key) or"
              + " inquiry.security.token.jwk-set-uri (the identity provider's JWK set)");
    }
    TokenPolicy tokenPolicy = new TokenPolicy(policy, clock);
    decoder.setJwtValidator(tokenPolicy);
    return new VerifiedTokens(
        principalMustBeAString(decoder, policy.principalClaim()), tokenPolicy);
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * RFC 7519: {@code sub} is a string. The JOSE library turns a number into one, so the raw payload
   * is checked first: a principal claim of any other JSON type is refused.
   */
  static ReactiveJwtDecoder principalMustBeAString(ReactiveJwtDecoder decoder, String claim) {
    return token -> {
      String[] parts = token == null ? new String[0] : token.split("\\.", -1);
      if (parts.length == 3) {
        JsonNode payload;
        try {
          payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException unreadable) {
          return decoder.decode(token); // the decoder refuses it with its own reason
        }
        JsonNode principal = payload == null ? null : payload.get(claim);
        if (principal != null && !principal.isNull() && !principal.isString()) {
          return Mono.error(
              new BadJwtException("the " + claim + " claim must be a string (RFC 7519)"));
        }
      }
      return decoder.decode(token);
    };
  }

  private static RSAPublicKey publicKey(TokenPolicyProperties policy) {
    try (InputStream in = policy.publicKeyLocation().getInputStream()) {
      return RsaKeyConverters.x509().convert(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the token public key " + policy.publicKeyLocation(), e);
    }
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    List<OAuth2Error> errors = new ArrayList<>(standard.validate(jwt).getErrors());
    Instant now = clock.instant();
    Instant issuedAt = instant(jwt, "iat", errors);
    Instant expiresAt = instant(jwt, "exp", errors);
    if (issuedAt != null && issuedAt.isAfter(now.plus(properties.clockSkew()))) {
      errors.add(invalid("the token's iat lies in the future"));
    }
    if (issuedAt != null
        && expiresAt != null
        && Duration.between(issuedAt, expiresAt).compareTo(properties.maxLifetime()) > 0) {
      errors.add(invalid("the token lives longer than " + properties.maxLifetime()));
    }
    Object principal = jwt.getClaims().get(properties.principalClaim());
    if (!(principal instanceof String name) || PersonIds.canonical(name).isEmpty()) {
      errors.add(
          invalid(
              "the "
                  + properties.principalClaim()
                  + " claim must name the caller (letters, digits and . _ @ + -)"));
    }
    Object roles = jwt.getClaims().get(properties.rolesClaim());
    if (roles != null
        && !(roles instanceof Collection<?> list
            && list.stream().allMatch(String.class::isInstance))) {
      errors.add(invalid("the " + properties.rolesClaim() + " claim must be a list of strings"));
    }
    return errors.isEmpty()
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(errors);
  }

  private static Instant instant(Jwt jwt, String claim, List<OAuth2Error> errors) {
    Object value = jwt.getClaims().get(claim);
    if (value instanceof Instant at) {
      return at;
    }
    errors.add(invalid("the token has no valid " + claim + " claim"));
    return null;
  }

  private static OAuth2Error invalid(String description) {
    return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
  }
}
