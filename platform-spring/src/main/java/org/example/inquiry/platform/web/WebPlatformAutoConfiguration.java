package org.example.inquiry.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the platform's HTTP error handling in every service. */
@AutoConfiguration
@Import(ValidationProblemAdvice.class)
public class WebPlatformAutoConfiguration {}
