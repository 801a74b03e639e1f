package org.example.inquiry.resolution.replies;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reply-template library as configured ({@code resolution.reply-templates}, shipped in {@code
 * reply-templates.yml}), checked at start-up: a bad template stops the service with every problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplyTemplateLibrary.Properties.class)
class ReplyTemplateLibrary {

  @Bean
  ReplyTemplates replyTemplates(Properties properties) {
    return new ReplyTemplates(properties.replyTemplates());
  }

  /** {@code resolution.reply-templates}. */
  @ConfigurationProperties("resolution")
  record Properties(List<ReplyTemplates.Template> replyTemplates) {
    Properties {
      replyTemplates = replyTemplates == null ? List.of() : replyTemplates;
    }
  }
}
