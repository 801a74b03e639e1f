package org.example.inquiry.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The bearer-token policy every service enforces, as an OIDC resource server would: where the
 * signing key comes from, which issuer and audience a token must name, which claims carry the
 * principal and the roles, how much clock skew is tolerated and how long a token may live.
 *
 * @param publicKeyLocation PEM RSA public key (the local stack's {@code ./stack} key); or
 * @param jwkSetUri the identity provider's JWK set (production)
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param principalClaim the claim naming the caller (canonicalised, see {@code PersonIds})
 * @param rolesClaim the claim listing the caller's roles
 * @param clockSkew tolerated difference between the issuer's clock and ours
 * @param maxLifetime the longest {@code exp - iat} accepted
 */
@Validated
@ConfigurationProperties("inquiry.security.token")
public record TokenPolicyProperties(
    Resource publicKeyLocation,
    String jwkSetUri,
    @NotBlank String issuer,
    @NotBlank String audience,
    @DefaultValue("sub") @NotBlank String principalClaim,
    @DefaultValue("roles") @NotBlank String rolesClaim,
    @DefaultValue("30s") @NotNull Duration clockSkew,
    @DefaultValue("12h") @NotNull Duration maxLifetime) {}
