package org.example.inquiry.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may change the registry (register a schema, set a compatibility level, delete): anyone (only
 * for tests in one JVM), an administrator proving HTTP Basic credentials, or no one (read-only).
 * Reads, lookups and compatibility checks are governed by {@link ReadAccess}.
 */
public final class WriteAccess {

  private final String expectedAuthorization;
  private final boolean open;

  private WriteAccess(String userInfo, boolean open) {
    this.expectedAuthorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.open = open;
  }

  /** Anyone may write: in-process registries of tests. */
  public static WriteAccess open() {
    return new WriteAccess(null, true);
  }

  /** Writes need HTTP Basic credentials {@code user:password}. */
  public static WriteAccess admin(String userInfo) {
    if (userInfo == null || !userInfo.contains(":") || userInfo.indexOf(':') == 0) {
      throw new IllegalArgumentException("admin credentials must be user:password");
    }
    return new WriteAccess(userInfo, false);
  }

  /** No one may write. */
  public static WriteAccess readOnly() {
    return new WriteAccess(null, false);
  }

  /**
   * Why a write with this {@code Authorization} header is refused, as {status, message}, or null
   * when it is allowed.
   */
  Object[] refusal(String authorization) {
    if (open) {
      return null;
    }
    if (expectedAuthorization == null) {
      return new Object[] {403, "The registry is read-only"};
    }
    if (authorization == null) {
      return new Object[] {
        401, "Registering schemas and changing configuration need admin credentials"
      };
    }
    boolean same =
        MessageDigest.isEqual(
            authorization.getBytes(StandardCharsets.UTF_8),
            expectedAuthorization.getBytes(StandardCharsets.UTF_8));
    return same ? null : new Object[] {401, "The admin credentials are not valid"};
  }

  /** True when this header carries the administrator's credentials. */
  boolean isAdmin(String authorization) {
    return expectedAuthorization != null
        && authorization != null
        && MessageDigest.isEqual(
            authorization.getBytes(StandardCharsets.UTF_8),
            expectedAuthorization.getBytes(StandardCharsets.UTF_8));
  }

  String describe() {
    return open ? "open to anyone" : expectedAuthorization == null ? "read-only" : "admin only";
  }
}
