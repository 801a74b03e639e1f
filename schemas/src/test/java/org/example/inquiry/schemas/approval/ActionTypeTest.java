package org.example.inquiry.schemas.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ActionTypeTest {

  @Test
  void theValidationPatternAndMessageNameExactlyTheEnumsTypes() {
    String names =
        Arrays.stream(ActionType.values()).map(Enum::name).collect(Collectors.joining("|"));

    assertThat(ActionType.PATTERN).isEqualTo(names);
    assertThat(ActionType.MESSAGE).isEqualTo("must be one of " + names.replace("|", ", "));
  }

  @Test
  void anUnknownNameIsEmptyNotAnError() {
    assertThat(ActionType.named("BRIBE")).isEmpty();
    assertThat(ActionType.named("REBILL")).contains(ActionType.REBILL);
  }
}
