package org.example.inquiry.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.inquiry.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** The roles an operation's {@code @PreAuthorize} names become its {@code x-roles}. */
class OpenApiRolesTest {

  @Test
  void everyRoleOfTheRuleIsListedHyphenatedOnesToo() {
    assertThat(OpenApiPlatformAutoConfiguration.roles("hasAnyRole('supervisor','finance-system')"))
        .containsExactly("supervisor", Roles.FINANCE_SYSTEM);
    assertThat(OpenApiPlatformAutoConfiguration.roles("hasRole('agent')")).containsExactly("agent");
    for (String role : Roles.ALL) {
      assertThat(OpenApiPlatformAutoConfiguration.roles("hasRole('" + role + "')"))
          .containsExactly(role);
    }
  }
}
