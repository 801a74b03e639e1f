package org.example.inquiry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures as {@code key=value} lines in one file: every phase (Java or the shell)
 * appends, {@code bench summary} reads them all.
 */
final class Results {

  private final Path file;

  Results(Path file) {
    this.file = file;
  }

  void put(String key, String value) {
    System.out.println("bench: " + key + "=" + value);
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          key + "=" + value + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void put(String key, double value) {
    put(key, format(value));
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** Every key with its last value. */
  Map<String, String> read() {
    Map<String, String> values = new LinkedHashMap<>();
    if (file == null || !Files.exists(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
