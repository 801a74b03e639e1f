package org.example.inquiry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap and RSS of each service process while a phase runs: RSS from {@code /proc/<pid>/status} once
 * a second, heap in use from the service's {@code /actuator/prometheus} ({@code
 * jvm_memory_used_bytes{area="heap"}}, all pools) every {@value #HEAP_EVERY} seconds (a scrape
 * costs the service a few milliseconds of CPU). Keeps the maximum of each.
 */
final class ResourceSampler implements AutoCloseable {

  /** A service process: its name, pid and HTTP port. */
  record Service(String name, long pid, int port) {

    /** {@code name=pid@port}. */
    static Service parse(String spec) {
      Matcher m = Pattern.compile("([a-z0-9-]+)=(\\d+)@(\\d+)").matcher(spec);
      if (!m.matches()) {
        throw new IllegalArgumentException("--service takes name=pid@port, not " + spec);
      }
      return new Service(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
    }
  }

  /** Maximum heap in use, maximum RSS and heap limit of one service, in MiB; CPU used. */
  static final class Peak {
    double heapMb;
    double rssMb;
    double heapMaxMb;
    double cpuStartS = Double.NaN;
    double cpuEndS = Double.NaN;

    /** CPU seconds the process used while sampled. */
    double cpuS() {
      return cpuEndS - cpuStartS;
    }
  }

  /** user + system CPU seconds of a process so far, NaN when it is gone. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 (utime, stime) are the 12th and 13th after the command name
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** USER_HZ: 100 on Linux. */
  private static final int CLOCK_TICKS = 100;

  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)");
  private static final Pattern HEAP_MAX =
      Pattern.compile("(?m)^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)");
  static final int HEAP_EVERY = 5;

  private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

  private final List<Service> services;
  private final String token;
  private final Map<String, Peak> peaks = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Thread thread;
  private volatile boolean running = true;

  ResourceSampler(List<Service> services, String auditorToken) {
    this.services = services;
    this.token = auditorToken;
    services.forEach(
        s -> {
          Peak peak = new Peak();
          peak.cpuStartS = cpuSeconds(s.pid());
          peaks.put(s.name(), peak);
        });
    thread = new Thread(this::run, "resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    int tick = 0;
    while (running) {
      sample(tick++ % HEAP_EVERY == 0);
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void sample(boolean heapToo) {
    for (Service s : services) {
      Peak peak = peaks.get(s.name());
      try {
        String status = Files.readString(Path.of("/proc/" + s.pid() + "/status"));
        Matcher m = RSS.matcher(status);
        if (m.find()) {
          synchronized (peak) {
            peak.rssMb = Math.max(peak.rssMb, Long.parseLong(m.group(1)) / 1024.0);
          }
        }
      } catch (IOException e) {
        // the process is gone: nothing to sample
      }
      if (!heapToo) {
        continue;
      }
      try {
        String text =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + s.port() + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        double heap = sum(HEAP, text);
        double max = sum(HEAP_MAX, text);
        synchronized (peak) {
          peak.heapMb = Math.max(peak.heapMb, heap / (1024 * 1024));
          if (max > 0) {
            peak.heapMaxMb = max / (1024 * 1024);
          }
        }
      } catch (IOException e) {
        // not answering this second
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static double sum(Pattern pattern, String text) {
    double total = 0;
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      if (v > 0) {
        total += v;
      }
    }
    return total;
  }

  Map<String, Peak> peaks() {
    return peaks;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
    sample(true);
    for (Service s : services) {
      peaks.get(s.name()).cpuEndS = cpuSeconds(s.pid());
    }
  }
}
