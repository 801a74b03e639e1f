package org.example.inquiry.simulator;

import java.nio.file.Path;

/** The local stack's sample data, found from the module directory or the repository root. */
public final class TestData {

  private TestData() {}

  public static Path dataDir() {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here.resolve("deploy/local/data");
    return dir.toFile().isDirectory() ? dir : here.getParent().resolve("deploy/local/data");
  }
}
