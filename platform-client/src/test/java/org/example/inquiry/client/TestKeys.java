package org.example.inquiry.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** One RSA key pair per test JVM, its private half written as PKCS#8 PEM like openssl genpkey. */
final class TestKeys {

  private static KeyPair pair;
  private static Path privatePem;

  private TestKeys() {}

  static synchronized KeyPair pair() {
    if (pair == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return pair;
  }

  static synchronized Path privatePem() {
    if (privatePem == null) {
      try {
        privatePem = Files.createTempFile("simulator-test-key", ".pem");
        privatePem.toFile().deleteOnExit();
        Files.writeString(
            privatePem,
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(pair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return privatePem;
  }
}
