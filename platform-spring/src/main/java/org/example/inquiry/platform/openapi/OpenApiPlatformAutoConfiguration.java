package org.example.inquiry.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The API documentation tells how to call the API: every operation needs a bearer JWT (so Swagger
 * UI's "Authorize" sends it), and each operation lists the roles its {@code @PreAuthorize} allows
 * in {@code x-roles}, from which the role-matrix test is generated. An operation without
 * {@code @PreAuthorize} has no {@code x-roles} and fails that test.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class OpenApiPlatformAutoConfiguration {

  /** The name of the bearer scheme in the documents. */
  public static final String BEARER = "bearer-jwt";

  private static final Pattern ROLE = Pattern.compile("'([a-z]+(?:-[a-z]+)*)'");

  @Bean
  @ConditionalOnMissingBean
  OpenAPI platformOpenApi() {
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "RS256 JWT with iss, aud, sub, iat, exp and roles (./stack token ROLE"
                                + " USER on the local stack)")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  @Bean
  OperationCustomizer platformRolesOnOperations() {
    return (operation, handler) -> {
      PreAuthorize rule =
          AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
      if (rule == null) {
        rule =
            AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
      }
      if (rule != null) {
        operation.addExtension("x-roles", roles(rule.value()));
      }
      return operation;
    };
  }

  static List<String> roles(String expression) {
    List<String> roles = new ArrayList<>();
    Matcher m = ROLE.matcher(expression);
    while (m.find()) {
      roles.add(m.group(1));
    }
    return roles;
  }
}
