package org.example.inquiry.resolution.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The web console ({@code inquiry.console.*}, docs/CONSOLE.md).
 *
 * @param signInKey local sign-in: the PEM (PKCS#8) RSA private key of the local stack's token
 *     issuer, with which the console signs a token for the user and role picked on its sign-in
 *     page; absent (production): no local sign-in, users sign in with the OIDC client registration
 *     {@code console} (authorization code with PKCE)
 * @param apiUrl where the console calls the case API; empty: this instance
 * @param metricsUrl where the console reads KPIs (metrics-service)
 * @param signInValidity how long a local sign-in lasts (never longer than the token policy's
 *     maximum lifetime)
 */
@ConfigurationProperties("inquiry.console")
record ConsoleProperties(
    Resource signInKey,
    @DefaultValue("") String apiUrl,
    @DefaultValue("http://127.0.0.1:8085") String metricsUrl,
    @DefaultValue("8h") Duration signInValidity) {

  /** The OIDC client registration the console signs in with in production. */
  static final String REGISTRATION = "console";

  boolean localSignIn() {
    return signInKey != null && signInKey.exists();
  }
}
