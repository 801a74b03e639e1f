package org.example.inquiry.platform.security;

import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * Told of every request the platform's security refuses (401 without a valid token, 403 for a role
 * that may not do it), so a service can put the refusal on its audit trail. The default only logs.
 */
public interface AccessRefusalListener {

  /**
   * @param exchange the refused request
   * @param status 401 or 403
   * @param actor the caller's canonical id, or null when no valid token named one
   * @param roles the caller's roles (empty when unauthenticated)
   * @param reason why it was refused
   */
  void refused(
      ServerWebExchange exchange, int status, String actor, List<String> roles, String reason);
}
