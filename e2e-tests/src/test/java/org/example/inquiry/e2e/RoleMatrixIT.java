package org.example.inquiry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.example.inquiry.testing.LocalJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the five OpenAPI documents, called without a token, with a garbage token and
 * with a token of each of the five roles: the documents are public; every operation declares its
 * roles in {@code x-roles} (so a new endpoint cannot escape this test); callers without a valid
 * token get 401, roles not declared get 403, declared roles get past security, and every refusal is
 * problem+json.
 */
@ExtendWith(SharedPipeline.class)
class RoleMatrixIT {

  /** Path parameter values no service knows: the matrix must not change reference data. */
  private static String unknown(String param) {
    return "role-matrix-unknown-" + param;
  }

  @Test
  void everyDocumentedOperationAdmitsExactlyItsRoles() throws IOException {
    PipelineUnderTest pipeline = SharedPipeline.get();
    List<ApiDocs.Operation> operations = ApiDocs.load(pipeline);
    dumpDocuments(pipeline);
    assertThat(operations).as("documented operations").hasSizeGreaterThan(20);

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byCaller = new TreeMap<>();
    List<List<String>> rows = new ArrayList<>();
    int calls = 0;
    // Reported, not asserted: does a wrong role with an invalid body learn about the body (400)?
    Map<Integer, Integer> wrongRoleInvalidBody = new TreeMap<>();
    for (ApiDocs.Operation op : operations) {
      if (op.roles() == null) {
        failures.add(op.name() + ": no x-roles in the OpenAPI document");
        continue;
      }
      String url = op.url(pipeline, RoleMatrixIT::unknown);
      byte[] body = op.sampleBody();
      List<String> cells = new ArrayList<>(List.of(op.name(), String.join(",", op.roles())));
      for (String caller : callers()) {
        String token = token(caller);
        Http.Answer answer = Http.send(op.method(), url, token, op.contentType(), body);
        calls++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        cells.add(Integer.toString(answer.status()));
        String expectation;
        boolean ok;
        if (caller.equals("no token") || caller.equals("garbage token")) {
          expectation = "401 problem+json";
          ok = answer.status() == 401 && answer.isProblem();
        } else if (!op.roles().contains(caller)) {
          expectation = "403 problem+json";
          ok = answer.status() == 403 && answer.isProblem();
        } else {
          expectation = "past security (not 401/403), no 5xx, problem+json for a 4xx";
          ok =
              answer.status() != 401
                  && answer.status() != 403
                  && answer.status() < 500
                  && (answer.status() < 400 || answer.isProblem());
        }
        byCaller.merge(caller + (ok ? " as expected" : " UNEXPECTED"), 1, Integer::sum);
        if (!ok) {
          failures.add(
              op.name()
                  + " as "
                  + caller
                  + ": expected "
                  + expectation
                  + ", got "
                  + answer.brief());
        }
      }
      rows.add(cells);
      if (op.isJson()) {
        for (String caller : ApiDocs.ROLES) {
          if (!op.roles().contains(caller)) {
            Http.Answer answer =
                Http.send(op.method(), url, token(caller), op.contentType(), "{}".getBytes());
            calls++;
            wrongRoleInvalidBody.merge(answer.status(), 1, Integer::sum);
          }
        }
      }
    }

    List<String> header = new ArrayList<>(List.of("operation", "x-roles"));
    header.addAll(callers());
    List<String> report = new ArrayList<>();
    report.add("Role matrix: " + operations.size() + " operations, " + calls + " calls");
    report.addAll(Http.table(header, rows));
    report.add("answers by status: " + byStatus);
    report.add("calls by caller and verdict: " + byCaller);
    report.add(
        "wrong role with an invalid JSON body {}, answers by status: " + wrongRoleInvalidBody);
    report.add(
        "requests without an answer in "
            + Http.TIMEOUT.toSeconds()
            + " s on a reused connection: "
            + Http.HANGS);
    report.forEach(System.out::println);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/role-matrix.md"), report);

    assertThat(failures).as("role-matrix violations").isEmpty();
  }

  private static List<String> callers() {
    List<String> callers = new ArrayList<>(List.of("no token", "garbage token"));
    callers.addAll(ApiDocs.ROLES);
    return callers;
  }

  private static String token(String caller) {
    return switch (caller) {
      case "no token" -> null;
      case "garbage token" -> "not.a-jwt.at-all";
      default -> LocalJwt.get().token(caller, "matrix-" + caller);
    };
  }

  private static void dumpDocuments(PipelineUnderTest pipeline) throws IOException {
    Path dir = Files.createDirectories(Path.of("target/api-docs"));
    for (String service : PipelineUnderTest.SERVICES) {
      Files.writeString(
          dir.resolve(service + ".json"),
          Http.get(pipeline.url(service) + "/v3/api-docs", null).body());
    }
  }
}
