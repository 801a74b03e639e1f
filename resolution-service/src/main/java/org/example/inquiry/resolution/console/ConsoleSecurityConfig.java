package org.example.inquiry.resolution.console;

import java.net.URI;
import java.time.Clock;
import org.example.inquiry.platform.security.PlatformSecurityAutoConfiguration;
import org.example.inquiry.platform.security.TokenPolicyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The console's own security chain, before the API's: a browser session (the API stays stateless
 * with bearer tokens), CSRF tokens on every form, a strict content security policy, sign-in by the
 * local stack's token issuer or by OIDC authorization code with PKCE, and sign-out. Whatever the
 * sign-in, the session holds a bearer token the API accepts, and the console acts with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfig {

  static final String SIGN_IN = "/console/sign-in";

  /** Scripts, styles and images from the console itself only; no inline script, no framing. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

  @Bean
  ServerSecurityContextRepository consoleSessions() {
    return new WebSessionServerSecurityContextRepository();
  }

  @Bean
  LocalSignIn consoleLocalSignIn(
      ConsoleProperties properties,
      TokenPolicyProperties policy,
      ReactiveJwtDecoder decoder,
      ObjectProvider<Clock> clock) {
    return properties.localSignIn()
        ? new LocalSignIn(properties, policy, decoder, clock.getIfAvailable(Clock::systemUTC))
        : null;
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain consoleSecurityFilterChain(
      ServerHttpSecurity http,
      ServerSecurityContextRepository consoleSessions,
      ObjectProvider<ReactiveClientRegistrationRepository> registrations,
      ReactiveJwtDecoder decoder,
      TokenPolicyProperties policy) {
    RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
    signedOut.setLogoutSuccessUrl(URI.create(SIGN_IN + "?signed-out"));
    http.securityMatcher(
            ServerWebExchangeMatchers.pathMatchers(
                "/console",
                "/console/**",
                "/webjars/htmx.org/**",
                "/webjars/htmx-ext-sse/**",
                "/oauth2/authorization/**",
                "/login/oauth2/code/**"))
        .securityContextRepository(consoleSessions)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(
                        SIGN_IN,
                        "/console/assets/**",
                        "/webjars/htmx.org/**",
                        "/webjars/htmx-ext-sse/**")
                    .permitAll()
                    .anyExchange()
                    .hasAnyRole(LocalSignIn.ROLES.toArray(String[]::new)))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(
                    new RedirectServerAuthenticationEntryPoint(SIGN_IN)))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessHandler(signedOut))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(
                        frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)));
    ReactiveClientRegistrationRepository oidc = registrations.getIfAvailable();
    if (oidc != null) {
      ServerOAuth2AuthorizationRequestResolver pkce = pkce(oidc);
      ServerOAuth2AuthorizedClientRepository clients =
          new WebSessionServerOAuth2AuthorizedClientRepository();
      http.oauth2Login(
          login ->
              login
                  .authorizationRequestResolver(pkce)
                  .authorizedClientRepository(clients)
                  .authenticationSuccessHandler(
                      apiTokenSession(clients, decoder, policy, consoleSessions)));
    }
    return http.build();
  }

  /**
   * Authorization requests with PKCE (RFC 7636, S256) whether or not the client has a secret: the
   * code is useless to anyone who intercepts it without the verifier this session keeps.
   */
  static ServerOAuth2AuthorizationRequestResolver pkce(ReactiveClientRegistrationRepository oidc) {
    DefaultServerOAuth2AuthorizationRequestResolver resolver =
        new DefaultServerOAuth2AuthorizationRequestResolver(oidc);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /**
   * After an OIDC sign-in, the session holds the API's view of the user: the access token the
   * identity provider issued, decoded and checked by the API's own decoder and token policy (its
   * principal and roles claims). A token the API would refuse ends the sign-in with the reason.
   */
  static ServerAuthenticationSuccessHandler apiTokenSession(
      ServerOAuth2AuthorizedClientRepository clients,
      ReactiveJwtDecoder decoder,
      TokenPolicyProperties policy,
      ServerSecurityContextRepository sessions) {
    ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    return (exchange, authentication) ->
        clients
            .loadAuthorizedClient(
                ConsoleProperties.REGISTRATION, authentication, exchange.getExchange())
            .flatMap(client -> decoder.decode(client.getAccessToken().getTokenValue()))
            .flatMap(
                jwt -> PlatformSecurityAutoConfiguration.principalConverter(policy).convert(jwt))
            .flatMap(
                api ->
                    sessions
                        .save(exchange.getExchange(), new SecurityContextImpl(api))
                        .then(
                            redirect.sendRedirect(
                                exchange.getExchange(), URI.create("/console/queue"))))
            .onErrorResume(
                refused ->
                    sessions
                        .save(exchange.getExchange(), null)
                        .then(
                            redirect.sendRedirect(
                                exchange.getExchange(), URI.create(SIGN_IN + "?refused"))));
  }
}
