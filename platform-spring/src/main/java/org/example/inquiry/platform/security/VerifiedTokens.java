package org.example.inquiry.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a few minutes, the tokens whose signature this service has verified, so a caller
 * that sends the same token with every request (a channel adapter, an agent's session) pays for the
 * RSA verification once rather than per request: it was the largest single cost of intake's {@code
 * POST /api/v1/inquiries} (docs/BENCHMARKS.md).
 *
 * <p>What is remembered is the outcome of checking these exact bytes against the key, which does
 * not change. The time-bound checks do, so the whole token policy runs again on every use of a
 * remembered token: an expired token is refused, and forgotten, the moment it expires. A token is
 * remembered for at most {@link #REMEMBER_FOR}: a token signed with a key the identity provider has
 * withdrawn is honoured for at most that long after this service last verified it. Refused tokens
 * are never remembered. Bounded ({@link #CAPACITY} tokens; Caffeine chooses which to drop when
 * full). The {@link Jwt} kept for a token holds the token itself, as every authenticated request's
 * principal does while it runs.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  static final int CAPACITY = 1_024;
  static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

  private final ReactiveJwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> policy;
  private final Cache<String, Jwt> verified;

  VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> policy, Ticker ticker) {
    this.verifier = verifier;
    this.policy = policy;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(REMEMBER_FOR)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> policy) {
    this(verifier, policy, Ticker.systemTicker());
  }

  @Override
  public Mono<Jwt> decode(String token) {
    // Looked up and checked when subscribed, so a retried or kept Mono checks the time again.
    return Mono.defer(
        () -> {
          Jwt known = token == null ? null : verified.getIfPresent(token);
          if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
          }
          OAuth2TokenValidatorResult result = policy.validate(known);
          if (!result.hasErrors()) {
            return Mono.just(known);
          }
          verified.invalidate(token);
          return Mono.error(new JwtValidationException(describe(result), result.getErrors()));
        });
  }

  /** As the JOSE decoder words a refusal: the first error that says why. */
  private static String describe(OAuth2TokenValidatorResult result) {
    for (OAuth2Error error : result.getErrors()) {
      if (error.getDescription() != null && !error.getDescription().isEmpty()) {
        return error.getDescription();
      }
    }
    return "Unable to validate Jwt";
  }
}
