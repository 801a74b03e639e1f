package org.example.inquiry.platform.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.example.inquiry.schemas.identity.PersonIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint but health and the API documentation needs a bearer JWT that passes the {@link
 * TokenPolicy} ({@code inquiry.security.token.*}). The caller is the token's principal claim in
 * canonical form ({@link PersonIds}), resolved here once, so every comparison downstream sees one
 * spelling per person; the roles claim becomes {@code ROLE_<role>} authorities that handlers check
 * with {@code @PreAuthorize}. Refusals are problem+json and reach the {@link
 * AccessRefusalListener}.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(TokenPolicyProperties.class)
public class PlatformSecurityAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

  /** Paths anyone may read: liveness/readiness and the API documentation with its UI. */
  static final String[] PUBLIC_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/swagger-ui/**"
  };

  @Bean
  @ConditionalOnMissingBean
  AccessRefusalListener loggingAccessRefusalListener() {
    return (exchange, status, actor, roles, reason) ->
        log.info(
            "Refused {} {} with {} for {}",
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath().value(),
            status,
            actor == null ? "an unauthenticated caller" : actor);
  }

  @Bean
  ProblemResponses platformProblemResponses(JsonMapper json, AccessRefusalListener refusals) {
    return new ProblemResponses(json, refusals);
  }

  /** Firewall rejections (encoded slash, NUL, traversal) answer problem+json too. */
  @Bean
  @ConditionalOnMissingBean
  ServerExchangeRejectedHandler platformExchangeRejectedHandler(ProblemResponses problems) {
    return problems;
  }

  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder platformJwtDecoder(TokenPolicyProperties policy, ObjectProvider<Clock> clock) {
    return TokenPolicy.decoder(policy, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The API's chain: it matches every exchange, so it comes last; a service may put chains for
   * other parts of itself (resolution's web console) before it.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnMissingBean(name = "platformSecurityFilterChain")
  SecurityWebFilterChain platformSecurityFilterChain(
      ServerHttpSecurity http, ProblemResponses problems, TokenPolicyProperties policy) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .authorizeExchange(
            exchanges ->
                exchanges.pathMatchers(PUBLIC_PATHS).permitAll().anyExchange().authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(principalConverter(policy)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /**
   * The caller's identity, taken once: the principal claim in canonical form, and the roles claim
   * as authorities. The {@link TokenPolicy} has already refused tokens whose claims are missing or
   * malformed.
   */
  public static Converter<Jwt, Mono<AbstractAuthenticationToken>> principalConverter(
      TokenPolicyProperties policy) {
    return jwt -> {
      String principal =
          PersonIds.canonical(jwt.getClaimAsString(policy.principalClaim()))
              .orElseThrow(() -> new BadJwtException("the token names no acceptable caller"));
      Object claimed = jwt.getClaims().get(policy.rolesClaim());
      List<GrantedAuthority> authorities =
          claimed instanceof Collection<?> roles
              ? roles.stream()
                  .filter(String.class::isInstance)
                  .map(String.class::cast)
                  .filter(Roles.ALL::contains)
                  .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                  .toList()
              : List.of();
      return Mono.just(new JwtAuthenticationToken(jwt, authorities, principal));
    };
  }
}
