package org.example.inquiry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.example.inquiry.client.Reply;
import org.junit.jupiter.api.Test;

class StatsTest {

  private static Reply reply(String path, int status) {
    return new Reply(
        "POST", URI.create("http://127.0.0.1:8084" + path), status, Map.of(), null, "{}");
  }

  @Test
  void anUnexpectedRefusalIsAnError() {
    Stats stats = new Stats();

    stats.record(reply("/api/v1/inquiries/x/claim", 409));

    assertThat(stats.refused.get()).isEqualTo(1);
    assertThat(stats.errors.get()).isEqualTo(1);
    assertThat(stats.errorKinds())
        .containsKey("unexpected refusal: POST /api/v1/inquiries/x/claim 409");
  }

  @Test
  void aRefusalTheWorkflowMayGiveIsNoError() {
    Stats stats = new Stats();

    stats.recordExpectingRefusal(reply("/api/v1/inquiries/x/actions", 409));
    stats.recordExpectingRefusal(reply("/api/v1/inquiries/x/actions", 200));

    assertThat(stats.refused.get()).isEqualTo(1);
    assertThat(stats.ok.get()).isEqualTo(1);
    assertThat(stats.errors.get()).isZero();
  }
}
