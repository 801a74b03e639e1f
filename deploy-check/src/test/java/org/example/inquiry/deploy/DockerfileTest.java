package org.example.inquiry.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services' image ({@code deploy/docker/Dockerfile}) checked without a Docker engine: its
 * instructions parsed and held to the rules (a pinned JRE base, the Spring Boot layers copied in
 * their order, a numeric non-root user, a health check on the liveness probe, container-aware JVM
 * memory, an exec-form entry point), and its first stage's work done for real: the layers of each
 * service's runnable jar extracted with {@code java -Djarmode=tools}, as the build would, and the
 * result checked to run ({@code application.jar}'s class path resolves inside the image layout).
 */
class DockerfileTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");
  static final List<String> LAYERS =
      List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

  record Instruction(String keyword, String arguments) {}

  record Stage(String from, String alias, List<Instruction> instructions) {
    List<String> all(String keyword) {
      return instructions.stream()
          .filter(i -> i.keyword().equals(keyword))
          .map(Instruction::arguments)
          .toList();
    }
  }

  static List<Instruction> instructions() throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current.setLength(0);
      int space = text.indexOf(' ');
      instructions.add(
          new Instruction(
              text.substring(0, space).toUpperCase(Locale.ROOT),
              text.substring(space + 1).strip()));
    }
    assertThat(current).as("a continuation line ends the file").isEmpty();
    return instructions;
  }

  static List<Stage> stages(List<Instruction> instructions) {
    List<Stage> stages = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        String[] parts = instruction.arguments().split("\\s+");
        String alias = parts.length == 3 && parts[1].equalsIgnoreCase("AS") ? parts[2] : null;
        stages.add(new Stage(parts[0], alias, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(instruction);
      }
    }
    return stages;
  }

  @Test
  void theImageIsLayeredNonRootHealthCheckedAndSizesItsHeapFromTheContainer() throws Exception {
    List<Instruction> instructions = instructions();
    List<String> known =
        List.of(
            "ARG",
            "FROM",
            "WORKDIR",
            "COPY",
            "RUN",
            "LABEL",
            "ENV",
            "USER",
            "EXPOSE",
            "HEALTHCHECK",
            "ENTRYPOINT");
    assertThat(instructions).allSatisfy(i -> assertThat(known).contains(i.keyword()));
    assertThat(instructions).noneMatch(i -> i.keyword().equals("ADD"));
    // The base image: a JRE, pinned (a tag with a version; production adds a digest), no 'latest'.
    String javaImage =
        instructions.stream()
            .filter(i -> i.keyword().equals("ARG") && i.arguments().startsWith("JAVA_IMAGE="))
            .findFirst()
            .orElseThrow()
            .arguments()
            .substring("JAVA_IMAGE=".length());
    assertThat(javaImage).matches("[a-z0-9./-]+:[0-9][^:]*-jre[^:]*").doesNotContain("latest");
    List<Stage> stages = stages(instructions);
    assertThat(stages).hasSize(2);
    assertThat(stages).allSatisfy(s -> assertThat(s.from()).isEqualTo("${JAVA_IMAGE}"));
    Stage build = stages.get(0);
    Stage runtime = stages.get(1);
    assertThat(build.alias()).isEqualTo("layers");
    assertThat(build.all("COPY"))
        .containsExactly("${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar application.jar");
    assertThat(build.all("RUN"))
        .containsExactly(
            "java -Djarmode=tools -jar application.jar extract --layers --destination extracted");
    // The layers, least changing first, each a COPY of its own.
    List<String> copies = runtime.all("COPY");
    assertThat(copies)
        .containsExactlyElementsOf(
            LAYERS.stream().map(l -> "--from=layers /build/extracted/" + l + "/ ./").toList());
    // A numeric, non-root user from before the entry point on.
    List<String> users = runtime.all("USER");
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).matches("[1-9][0-9]{3,}:[1-9][0-9]{3,}");
    assertThat(runtime.instructions().indexOf(new Instruction("USER", users.get(0))))
        .isLessThan(runtime.instructions().indexOf(instruction(runtime, "ENTRYPOINT")));
    String useradd = String.join(" ", runtime.all("RUN"));
    assertThat(useradd).contains("--uid " + users.get(0).split(":")[0]).contains("nologin");
    // Writable only where the read-only root needs it, and the state directory is where the
    // services keep it.
    String env = String.join(" ", runtime.all("ENV"));
    assertThat(env).contains("SERVER_ADDRESS=0.0.0.0").contains("SERVER_PORT=${PORT}");
    assertThat(env).contains("INQUIRY_STATE_DIR=/var/lib/inquiry/state");
    assertThat(runtime.all("EXPOSE")).containsExactly("${PORT}");
    // The health check asks the liveness probe on the service's port.
    String health = String.join(" ", runtime.all("HEALTHCHECK"));
    assertThat(health)
        .contains("--start-period=")
        .contains("/actuator/health/liveness")
        .contains("${SERVER_PORT}");
    JsonNode healthCommand =
        JsonMapper.builder().build().readTree(health.substring(health.indexOf("CMD") + 3).strip());
    assertThat(healthCommand.isArray()).isTrue();
    // The entry point: exec form (signals reach the JVM: graceful shutdown), heap from the limit.
    JsonNode entry =
        JsonMapper.builder().build().readTree(instruction(runtime, "ENTRYPOINT").arguments());
    List<String> command = new ArrayList<>();
    entry.forEach(n -> command.add(n.asText()));
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command)
        .anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
        .contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp")
        .noneMatch(a -> a.startsWith("-Xmx"))
        .endsWith("-jar", "application.jar");
    assertThat(command).anyMatch(a -> a.equals("-Duser.home=/var/lib/inquiry"));
  }

  @Test
  void theBuildContextHoldsOnlyTheRunnableJars() throws IOException {
    List<String> ignore =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(ignore).containsExactly("*", "!*/target/*-exec.jar");
  }

  /**
   * What the first stage does, done here: each service's jar has the four layers the Dockerfile
   * copies, and one of them (extracting all five would write some 750 MB) is extracted as the build
   * does, its layers laid onto one directory as the image's {@code /app}, and its entry point's
   * class path checked complete. Needs the jars ({@code ./mvnw package}); skipped without them.
   */
  @Test
  void eachServiceJarExtractsIntoTheLayersTheImageCopiesAndResolvesItsClassPath(@TempDir Path work)
      throws Exception {
    Path routerJar = null;
    for (Platform.Service service : Platform.SERVICES) {
      Path jar =
          ROOT.resolve(service.module())
              .resolve("target/" + service.module() + "-0.1.0-SNAPSHOT-exec.jar");
      assumeTrue(Files.isRegularFile(jar), "no " + jar + " (./mvnw package builds it)");
      // What `java -Djarmode=tools -jar <jar> list-layers` prints: the jar's layer index.
      List<String> layers = new ArrayList<>();
      try (JarFile jarFile = new JarFile(jar.toFile())) {
        String index =
            new String(
                jarFile.getInputStream(jarFile.getEntry("BOOT-INF/layers.idx")).readAllBytes());
        index
            .lines()
            .filter(l -> l.startsWith("- "))
            .forEach(l -> layers.add(l.substring(2).replace("\"", "").replace(":", "").strip()));
      }
      assertThat(layers).as(service.name() + " layers").containsExactlyElementsOf(LAYERS);
      if (service == Platform.ROUTER) {
        routerJar = jar;
      }
    }
    {
      Path build = Files.createDirectories(work.resolve("router"));
      Files.copy(routerJar, build.resolve("application.jar"));
      assertThat(
              run(build, "java", "-Djarmode=tools", "-jar", "application.jar", "list-layers")
                  .lines()
                  .toList())
          .containsExactlyElementsOf(LAYERS);
      run(
          build,
          "java",
          "-Djarmode=tools",
          "-jar",
          "application.jar",
          "extract",
          "--layers",
          "--destination",
          "extracted");
      Platform.Service service = Platform.ROUTER;
      // The image's /app: every layer laid onto the same directory, in order (moved, not copied).
      Path app = Files.createDirectories(build.resolve("app"));
      for (String layer : LAYERS) {
        moveTree(build.resolve("extracted").resolve(layer), app);
      }
      Path applicationJar = app.resolve("application.jar");
      assertThat(applicationJar).as(service.name() + ": the entry point's jar").exists();
      try (JarFile jarFile = new JarFile(applicationJar.toFile())) {
        Manifest manifest = jarFile.getManifest();
        String main = manifest.getMainAttributes().getValue("Main-Class");
        assertThat(main).as(service.name() + " Main-Class").isNotBlank();
        String classPath = manifest.getMainAttributes().getValue("Class-Path");
        assertThat(classPath).as(service.name() + " Class-Path").isNotBlank();
        for (String entry : classPath.trim().split("\\s+")) {
          assertThat(app.resolve(entry)).as(service.name() + " class path entry " + entry).exists();
        }
      }
    }
  }

  private static Instruction instruction(Stage stage, String keyword) {
    return stage.instructions().stream()
        .filter(i -> i.keyword().equals(keyword))
        .findFirst()
        .orElseThrow();
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Arrays.toString(command) + ": " + out).isZero();
    return out;
  }

  private static void moveTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
