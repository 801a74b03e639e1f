package org.example.inquiry.router.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The router's shipped configuration, bound from application.yml without a Spring context. */
public final class RouterConfigFixture {

  private RouterConfigFixture() {}

  public static RouterProperties shipped() {
    try {
      var sources =
          new YamlPropertySourceLoader()
              .load("application", new ClassPathResource("application.yml"));
      StandardEnvironment environment = new StandardEnvironment();
      sources.forEach(environment.getPropertySources()::addLast);
      return new Binder(ConfigurationPropertySources.get(environment))
          .bind("router", RouterProperties.class)
          .get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
