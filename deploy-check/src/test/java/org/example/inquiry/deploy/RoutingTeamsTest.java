package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Resolution lets agents reroute a case to the teams it knows ({@code resolution.teams}); the
 * router routes to the teams it is configured with ({@code router.teams}). The two lists must be
 * the same teams, or a reroute the API accepts would be dead-lettered by the router.
 */
class RoutingTeamsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void resolutionKnowsExactlyTheRoutersTeams() {
    ServiceConfig resolution = ServiceConfig.of(ROOT, Platform.RESOLUTION);
    ServiceConfig router = ServiceConfig.of(ROOT, Platform.ROUTER);
    List<String> reroutable = new ArrayList<>();
    resolution.yaml().path("resolution").path("teams").forEach(t -> reroutable.add(t.asText()));
    List<String> routed = new ArrayList<>();
    router.yaml().path("router").path("teams").fieldNames().forEachRemaining(routed::add);

    assertThat(routed).as("the router's router.teams").isNotEmpty();
    assertThat(new TreeSet<>(reroutable))
        .as("resolution.teams")
        .hasSize(reroutable.size())
        .isEqualTo(new TreeSet<>(routed));
  }
}
