package org.example.inquiry.resolution.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out for SVG: one bar per label, scaled to the largest value, with its
 * value printed. The console draws it server-side, so the chart needs no script and reads the same
 * with a screen reader (each bar has its label and value as text). Pure.
 *
 * @param title what the chart shows (the SVG's title)
 * @param height the SVG's height for all bars
 */
public record BarChart(String title, List<Bar> bars, int width, int height) {

  static final int WIDTH = 560;
  static final int LABEL_WIDTH = 170;
  static final int ROW = 26;

  /** One bar: where it is drawn and what it says. */
  public record Bar(String label, String value, int y, int length, int textX, int textY) {}

  /**
   * @param values label to value, in the order to draw; negative values are drawn as zero
   * @param format how a value is printed beside its bar
   */
  static BarChart of(
      String title,
      Map<String, ? extends Number> values,
      java.util.function.Function<Number, String> format) {
    double max =
        values.values().stream()
            .mapToDouble(Number::doubleValue)
            .map(v -> Math.max(0, v))
            .max()
            .orElse(0);
    int room = WIDTH - LABEL_WIDTH - 80;
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
      double v = Math.max(0, e.getValue().doubleValue());
      int length = max == 0 ? 0 : (int) Math.round(room * v / max);
      bars.add(
          new Bar(
              e.getKey(), format.apply(e.getValue()), y, length, LABEL_WIDTH + length + 6, y + 15));
      y += ROW;
    }
    return new BarChart(title, bars, WIDTH, Math.max(ROW, y + 4));
  }

  public int labelWidth() {
    return LABEL_WIDTH;
  }

  public boolean empty() {
    return bars.isEmpty();
  }
}
