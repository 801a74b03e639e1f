package org.example.inquiry.resolution.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.inquiry.resolution.cases.Refusal;
import org.junit.jupiter.api.Test;

class RefusalStatusTest {

  @Test
  void eachRefusalHasItsStatus() {
    assertThat(RefusalStatus.of(new Refusal.NotFound("x")).value()).isEqualTo(404);
    assertThat(RefusalStatus.of(new Refusal.Conflict("x")).value()).isEqualTo(409);
    assertThat(RefusalStatus.of(new Refusal.Forbidden("x")).value()).isEqualTo(403);
    assertThat(RefusalStatus.of(new Refusal.Invalid("x")).value()).isEqualTo(400);
  }
}
