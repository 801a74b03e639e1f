package org.example.inquiry.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshBudgetTest {

  static final long SECOND = 1_000_000_000L;

  @Test
  void aQuickRefreshRunsAgainAfterTheInterval() {
    RefreshBudget budget = new RefreshBudget(Duration.ofSeconds(15), 0.05);
    assertThat(budget.isDue(0)).as("the first is due at once").isTrue();
    budget.ran(0, SECOND / 10);
    assertThat(budget.isDue(14 * SECOND)).isFalse();
    assertThat(budget.isDue(15 * SECOND)).isTrue();
    assertThat(budget.spacing()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aSlowRefreshRunsAgainOnlyWhenItHasTakenItsShareOfTheTime() {
    RefreshBudget budget = new RefreshBudget(Duration.ofSeconds(15), 0.05);
    budget.ran(100 * SECOND, 2 * SECOND); // 2 s: 5% of 40 s
    assertThat(budget.spacing()).isEqualTo(Duration.ofSeconds(40));
    assertThat(budget.isDue(139 * SECOND)).isFalse();
    assertThat(budget.isDue(140 * SECOND)).isTrue();

    budget.ran(140 * SECOND, SECOND / 2); // cheaper again: back to the interval
    assertThat(budget.isDue(155 * SECOND)).isTrue();
  }

  @Test
  void aResetMakesTheNextDueAtOnce() {
    RefreshBudget budget = new RefreshBudget(Duration.ofSeconds(15), 0.05);
    budget.ran(0, 10 * SECOND);
    assertThat(budget.isDue(SECOND * 20)).isFalse();
    budget.reset();
    assertThat(budget.isDue(SECOND * 20)).isTrue();
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new RefreshBudget(Duration.ofSeconds(15), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RefreshBudget(Duration.ofSeconds(15), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RefreshBudget(Duration.ofSeconds(-1), 0.05))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
