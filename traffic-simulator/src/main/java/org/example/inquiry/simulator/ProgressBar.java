package org.example.inquiry.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: a bar redrawn in place with {@code \r} when stderr is a terminal (or when
 * forced), otherwise one plain line per 10 %.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean interactive;
  private final long total;
  private final Stats stats;
  private final LongSupplier elapsedNanos;
  private int lastDecile = 0;
  private int lastLength = 0;

  ProgressBar(
      PrintStream out, boolean interactive, long total, Stats stats, LongSupplier elapsedNanos) {
    this.out = out;
    this.interactive = interactive;
    this.total = total;
    this.stats = stats;
    this.elapsedNanos = elapsedNanos;
  }

  /** Whether stderr is a terminal: /proc/self/fd/2 on Linux, else the JVM's console. */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd2, LinkOption.NOFOLLOW_LINKS)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the console check
    }
    return System.console() != null;
  }

  /** Called periodically and once at the end. */
  synchronized void update(boolean last) {
    long done = stats.finished.get();
    if (interactive) {
      String line = line(done);
      int pad = Math.max(0, lastLength - line.length());
      out.print("\r" + line + " ".repeat(pad));
      lastLength = line.length();
      if (last) {
        out.println();
      }
      out.flush();
    } else {
      int decile = total == 0 ? 10 : (int) (done * 10 / total);
      if (decile > lastDecile || (last && decile == 10 && lastDecile < 10)) {
        lastDecile = decile;
        out.println(line(done));
        out.flush();
      }
    }
  }

  String line(long done) {
    int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
    double seconds = elapsedNanos.getAsLong() / 1e9;
    double rate = seconds <= 0 ? 0 : stats.submittedTotal() / seconds;
    StringBuilder s = new StringBuilder();
    s.append('[')
        .append("#".repeat(filled))
        .append(".".repeat(WIDTH - filled))
        .append("] ")
        .append(done)
        .append('/')
        .append(total)
        .append(String.format(Locale.ROOT, "  %.1f/s", rate))
        .append("  ok ")
        .append(stats.ok.get())
        .append("  refused ")
        .append(stats.refused.get());
    if (stats.errors.get() > 0) {
      s.append("  errors ").append(stats.errors.get());
    }
    if (stats.timedOut.get() > 0) {
      s.append("  timed out ").append(stats.timedOut.get());
    }
    return s.toString();
  }
}
