package org.example.inquiry.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one issuer of the local stack's bearer tokens: RS256, header {@code kid inquiry-local},
 * issuer {@code inquiry-local}, audience {@code inquiry-platform}, subject the user, {@code roles},
 * {@code iat}, {@code exp} and a random {@code jti}, as the services' token policy wants them (see
 * docs/SECURITY.md). {@code ./stack token ROLE USER} runs this file as a program (JDK only, so it
 * runs from source before anything is built); the simulator's and the scenario suite's {@link
 * Tokens} and the tests' {@code LocalJwt} sign through it.
 */
public final class LocalTokens {

  public static final String ISSUER = "inquiry-local";
  public static final String AUDIENCE = "inquiry-platform";

  /** How long the tokens of {@code ./stack token} and the simulator live. */
  public static final Duration VALIDITY = Duration.ofHours(8);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;

  public LocalTokens(PrivateKey key) {
    if (!"RSA".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException("an RSA private key is needed, not " + key.getAlgorithm());
    }
    this.key = key;
  }

  /**
   * Reads a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey}
   * writes it; the local stack's is {@code .stack/auth/private.pem}).
   */
  public static LocalTokens fromPrivateKey(Path pem) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the token signing key " + pem + " (./stack up creates it)", e);
    }
    return new LocalTokens(parsePkcs8(text, pem.toString()));
  }

  static PrivateKey parsePkcs8(String pem, String source) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          source
              + " is a PKCS#1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out"
              + " KEY8");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(source + " holds no PEM PKCS#8 private key");
    }
    String base64 =
        pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " is not a readable RSA private key", e);
    }
  }

  /**
   * A signed token (without the {@code Bearer } prefix) for {@code user} in {@code roles}, issued
   * at {@code issuedAt} (whole seconds) and valid for {@code validFor}.
   */
  public String issue(List<String> roles, String user, Instant issuedAt, Duration validFor) {
    long iat = issuedAt.getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + ISSUER + "\"}";
    String payload =
        "{\"iss\":"
            + json(ISSUER)
            + ",\"aud\":"
            + json(AUDIENCE)
            + ",\"sub\":"
            + json(user)
            + ",\"roles\":["
            + roles.stream().map(LocalTokens::json).collect(Collectors.joining(","))
            + "],\"iat\":"
            + iat
            + ",\"exp\":"
            + (iat + validFor.toSeconds())
            + ",\"jti\":"
            + json(jti())
            + "}";
    String signingInput = encode(header) + "." + encode(payload);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a token for " + user + " failed", e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jti() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String json(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code [--key PRIVATE_KEY_PEM] ROLE USER}: prints a token valid for {@link #VALIDITY}. The key
   * defaults to {@code .stack/auth/private.pem}.
   */
  public static void main(String[] args) {
    Path key = Path.of(".stack/auth/private.pem");
    int i = 0;
    if (args.length == 4 && args[0].equals("--key")) {
      key = Path.of(args[1]);
      i = 2;
    }
    if (args.length - i != 2) {
      System.err.println("usage: LocalTokens [--key PRIVATE_KEY_PEM] ROLE USER");
      System.exit(2);
    }
    System.out.println(
        fromPrivateKey(key).issue(List.of(args[i]), args[i + 1], Instant.now(), VALIDITY));
  }
}
