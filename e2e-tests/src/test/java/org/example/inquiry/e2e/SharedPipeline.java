package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One start of the five services for every end-to-end test class of the run (starting them costs
 * about a minute): the first class that needs it starts the pipeline and loads the reference data
 * (customers.csv into the customer master, open-items.csv into the ledger); JUnit stops it when the
 * whole run ends.
 */
public final class SharedPipeline implements BeforeAllCallback {

  private static volatile PipelineUnderTest pipeline;
  private static volatile RuntimeException failedToStart;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (failedToStart != null) {
      throw new IllegalStateException(
          "the pipeline failed to start for an earlier class", failedToStart);
    }
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(SharedPipeline.class, key -> new Started(), Started.class);
  }

  /** The running pipeline; only within a class extended with {@code SharedPipeline}. */
  public static PipelineUnderTest get() {
    if (pipeline == null) {
      throw new IllegalStateException("extend the test class with SharedPipeline");
    }
    return pipeline;
  }

  private static final class Started implements AutoCloseable {

    Started() {
      PipelineUnderTest started;
      try {
        started = PipelineUnderTest.start();
      } catch (RuntimeException e) {
        failedToStart = e;
        throw e;
      }
      try {
        importCsv(started, "intake-service", "/api/v1/customers/import", "/customers.csv");
        importCsv(started, "resolution-service", "/api/v1/open-items/import", "/open-items.csv");
        awaitCustomer(started, "C-1001");
      } catch (RuntimeException e) {
        started.close();
        failedToStart = e;
        throw e;
      } catch (Error e) {
        started.close();
        throw e;
      }
      pipeline = started;
    }

    @Override
    public void close() {
      PipelineUnderTest running = pipeline;
      pipeline = null;
      if (running != null) {
        running.close();
      }
    }
  }

  static void importCsv(PipelineUnderTest pipeline, String service, String path, String resource) {
    try (InputStream in = SharedPipeline.class.getResourceAsStream(resource)) {
      HttpResponse<String> imported =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(pipeline.url(service) + path))
                      .header(
                          "Authorization", "Bearer " + LocalJwt.get().token("supervisor", "sam"))
                      .header("Content-Type", "text/csv")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(imported.statusCode()).as(resource + ": " + imported.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitCustomer(PipelineUnderTest pipeline, String customerId) {
    String agent = LocalJwt.get().token("agent", "alice");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    pipeline.url("intake-service")
                                        + "/api/v1/customers/"
                                        + customerId))
                            .header("Authorization", "Bearer " + agent)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode(),
            status -> status == 200);
  }
}
