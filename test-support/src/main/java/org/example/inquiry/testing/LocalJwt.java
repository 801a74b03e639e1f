package org.example.inquiry.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.example.inquiry.client.LocalTokens;

/**
 * The local stack's tokens ({@link LocalTokens}, the issuer behind {@code ./stack token ROLE USER}:
 * RS256, issuer {@code inquiry-local}, audience {@code inquiry-platform}, the roles in the {@code
 * roles} claim) under a key pair of the test JVM. The public key is written to a PEM file the
 * services under test read through {@code inquiry.security.token.public-key-location}. {@link
 * #sign} signs any claims, for tests of the token policy.
 */
public final class LocalJwt {

  public static final String ISSUER = LocalTokens.ISSUER;

  public static final String AUDIENCE = LocalTokens.AUDIENCE;

  private static LocalJwt instance;

  private final KeyPair keys;
  private final LocalTokens issuer;
  private final Path publicKeyPem;
  private final Path privateKeyPem;

  private LocalJwt() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
      issuer = new LocalTokens(keys.getPrivate());
      publicKeyPem = Files.createTempFile("inquiry-local-jwt", ".pem");
      publicKeyPem.toFile().deleteOnExit();
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      Files.writeString(publicKeyPem, pem);
      privateKeyPem = Files.createTempFile("inquiry-local-jwt-key", ".pem");
      privateKeyPem.toFile().deleteOnExit();
      Files.writeString(
          privateKeyPem,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(keys.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized LocalJwt get() {
    if (instance == null) {
      instance = new LocalJwt();
    }
    return instance;
  }

  /**
   * {@code file:} location of the PEM (PKCS#8) private key: the local token issuer's, as the local
   * stack gives it to resolution's console for local sign-in.
   */
  public String privateKeyLocation() {
    return privateKeyPem.toUri().toString();
  }

  /** {@code file:} location of the PEM public key. */
  public String publicKeyLocation() {
    return publicKeyPem.toUri().toString();
  }

  /** A token for a user with one role, valid for an hour. */
  public String token(String role, String user) {
    return token(List.of(role), user, Duration.ofHours(1));
  }

  public String token(List<String> roles, String user, Duration validFor) {
    return issuer.issue(roles, user, Instant.now(), validFor);
  }

  /** Signs exactly these claims with the local key (RS256). */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ISSUER).build(), claims);
    try {
      jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
