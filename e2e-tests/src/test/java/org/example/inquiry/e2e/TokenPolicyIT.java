package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token policy over HTTP against the real services: a token that lacks a required claim, names
 * a foreign issuer or audience, is outside its time window, lives too long, or is not RS256-signed
 * by the platform's key is refused with 401 problem+json, never a 5xx; a well-formed token (also
 * one expired within the clock skew) is accepted, so the probes cannot pass by refusing everything.
 */
@ExtendWith(SharedPipeline.class)
class TokenPolicyIT {

  /** One cheap authenticated GET per service, answered 200 for an agent. */
  private static final Map<String, String> PROBES =
      Map.of(
          "intake-service", "/api/v1/customers/C-1001",
          "resolution-service", "/api/v1/queues",
          "metrics-service", "/api/v1/kpis");

  @Test
  void tokensViolatingThePolicyAre401ProblemJsonOnEveryProbedService() throws Exception {
    Map<String, String> bad = badTokens();
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Map.Entry<String, String> probe : PROBES.entrySet()) {
      String url = SharedPipeline.get().url(probe.getKey()) + probe.getValue();

      Http.Answer control = Http.get(url, valid(c -> c));
      assertThat(control.status())
          .as("valid token on " + url + ": " + control.brief())
          .isEqualTo(200);
      Http.Answer withinSkew =
          Http.get(
              url,
              LocalJwt.get()
                  .sign(
                      claims()
                          .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                          .expirationTime(Date.from(Instant.now().minusSeconds(10)))
                          .build()));
      assertThat(withinSkew.status())
          .as("token expired 10 s ago (within the 30 s skew): " + withinSkew.brief())
          .isEqualTo(200);

      for (Map.Entry<String, String> token : bad.entrySet()) {
        Http.Answer answer = Http.get(url, token.getValue());
        calls++;
        if (answer.status() != 401 || !answer.isProblem()) {
          failures.add(
              probe.getKey()
                  + " "
                  + token.getKey()
                  + ": expected 401 problem+json, got "
                  + answer.brief());
        }
      }
      for (String header : List.of("Basic c2FtOnNhbQ==", "Bearer", "Bearer  ", "bearer x.y.z")) {
        Http.Answer answer = Http.send("GET", url, null, null, null, "Authorization", header);
        calls++;
        if (answer.status() != 401 || !answer.isProblem()) {
          failures.add(
              probe.getKey()
                  + " Authorization '"
                  + header
                  + "': expected 401 problem+json, got "
                  + answer.brief());
        }
      }
    }
    System.out.println(
        "Token policy: "
            + calls
            + " refused-token calls over "
            + PROBES.size()
            + " services ("
            + bad.size()
            + " token variants + 4 malformed headers each), failures: "
            + failures.size());
    assertThat(failures).as("tokens that were not refused with 401 problem+json").isEmpty();
  }

  private static Map<String, String> badTokens() throws Exception {
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("missing exp", valid(c -> without(c, "exp")));
    tokens.put("missing iat", valid(c -> without(c, "iat")));
    tokens.put("missing sub", valid(c -> without(c, "sub")));
    tokens.put("blank sub", valid(c -> c.subject("   ")));
    tokens.put("sub with inner space", valid(c -> c.subject("ol ga")));
    tokens.put("sub of another script (Cyrillic o)", valid(c -> c.subject("\u043elga")));
    tokens.put("sub as a number", valid(c -> c.claim("sub", 42)));
    tokens.put("wrong iss", valid(c -> c.issuer("https://idp.attacker.example")));
    tokens.put("missing iss", valid(c -> without(c, "iss")));
    tokens.put("wrong aud", valid(c -> c.audience("another-platform")));
    tokens.put("missing aud", valid(c -> without(c, "aud")));
    tokens.put(
        "expired beyond skew",
        valid(
            c ->
                c.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(now.minusSeconds(120)))));
    tokens.put(
        "iat in the future",
        valid(
            c ->
                c.issueTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1))))));
    tokens.put(
        "lifetime 13h > 12h",
        valid(
            c ->
                c.issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(13))))));
    tokens.put(
        "not yet valid (nbf in 10 min)",
        valid(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))));
    tokens.put("roles as a string", valid(c -> c.claim("roles", "agent")));
    tokens.put("roles with a number", valid(c -> c.claim("roles", List.of("agent", 7))));
    JWTClaimsSet claims = claims().build();
    tokens.put("alg none", unsigned(claims, "none"));
    tokens.put("alg None", unsigned(claims, "None"));
    byte[] pem = Files.readAllBytes(Path.of(URI.create(LocalJwt.get().publicKeyLocation())));
    tokens.put("HS256 keyed with the public key PEM", hmac(claims, pem));
    tokens.put("HS256 keyed with the public key DER", hmac(claims, der(pem)));
    tokens.put("RS256 signed by another key", foreignRsa(claims));
    String good = LocalJwt.get().sign(claims);
    String[] parts = good.split("\\.");
    tokens.put(
        "signature of another token",
        parts[0] + "." + parts[1] + "." + foreignRsa(claims).split("\\.")[2]);
    tokens.put(
        "payload changed after signing",
        parts[0]
            + "."
            + b64(
                claims()
                    .subject("supervisor-sam")
                    .claim("roles", List.of("supervisor"))
                    .build()
                    .toString())
            + "."
            + parts[2]);
    tokens.put("signature stripped", parts[0] + "." + parts[1] + ".");
    tokens.put("garbage", "not-a-token");
    tokens.put("empty segments", "..");
    return tokens;
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(LocalJwt.ISSUER)
        .audience(LocalJwt.AUDIENCE)
        .subject("token-probe")
        .claim("roles", List.of("agent"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  private static String valid(UnaryOperator<JWTClaimsSet.Builder> change) {
    return LocalJwt.get().sign(change.apply(claims()).build());
  }

  private static JWTClaimsSet.Builder without(JWTClaimsSet.Builder builder, String claim) {
    return builder.claim(claim, null);
  }

  private static String unsigned(JWTClaimsSet claims, String alg) {
    return b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
  }

  private static String hmac(JWTClaimsSet claims, byte[] secret) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(LocalJwt.ISSUER).build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  private static String foreignRsa(JWTClaimsSet claims)
      throws JOSEException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair other = generator.generateKeyPair();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(LocalJwt.ISSUER).build(), claims);
    jwt.sign(new RSASSASigner(other.getPrivate()));
    return jwt.serialize();
  }

  private static byte[] der(byte[] pem) {
    String base64 =
        new String(pem, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
