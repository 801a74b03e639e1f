package org.example.inquiry.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who may read the registry (subjects, schemas by id, lookups, compatibility checks): anyone (the
 * local stack and tests), or only clients proving HTTP Basic credentials or a bearer token; the
 * administrator's credentials ({@link WriteAccess}) read too.
 */
public final class ReadAccess {

  private final List<byte[]> accepted;

  private ReadAccess(List<byte[]> accepted) {
    this.accepted = accepted;
  }

  /** Anyone may read. */
  public static ReadAccess open() {
    return new ReadAccess(List.of());
  }

  /**
   * Reads need one of these: {@code user:password} for HTTP Basic, or a bearer token; either may be
   * null.
   */
  public static ReadAccess of(String userInfo, String bearerToken) {
    List<byte[]> accepted = new ArrayList<>();
    if (userInfo != null && !userInfo.isBlank()) {
      if (!userInfo.contains(":") || userInfo.indexOf(':') == 0) {
        throw new IllegalArgumentException("reader credentials must be user:password");
      }
      accepted.add(
          ("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
              .getBytes(StandardCharsets.UTF_8));
    }
    if (bearerToken != null && !bearerToken.isBlank()) {
      accepted.add(("Bearer " + bearerToken.trim()).getBytes(StandardCharsets.UTF_8));
    }
    return new ReadAccess(List.copyOf(accepted));
  }

  boolean isOpen() {
    return accepted.isEmpty();
  }

  /** True when a request with this {@code Authorization} header may read. */
  boolean allows(String authorization) {
    if (accepted.isEmpty()) {
      return true;
    }
    if (authorization == null) {
      return false;
    }
    byte[] given = authorization.trim().getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] candidate : accepted) {
      match |= MessageDigest.isEqual(given, candidate);
    }
    return match;
  }

  String describe() {
    return accepted.isEmpty() ? "open to anyone" : "with credentials only";
  }
}
