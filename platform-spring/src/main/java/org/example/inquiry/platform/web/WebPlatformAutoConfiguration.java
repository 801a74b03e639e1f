package org.example.inquiry.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.server.WebExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** Registers the platform's HTTP error handling and strict JSON reading in every service. */
@AutoConfiguration
@Import(ValidationProblemAdvice.class)
public class WebPlatformAutoConfiguration {

  /**
   * Request bodies are read by {@link StrictJson}; responses are written as before. Ordered last,
   * so it replaces the decoder Boot's own customizer sets.
   */
  /** Before Boot's error handler (order -1), which would answer an oversized body with a 500. */
  @Bean
  @Order(-2)
  WebExceptionHandler platformBodyLimitExceptionHandler(JsonMapper json) {
    return new BodyLimitExceptionHandler(json);
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  CodecCustomizer strictJsonRequestBodies(JsonMapper json) {
    JsonMapper strict = StrictJson.strict(json);
    return configurer ->
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
  }
}
