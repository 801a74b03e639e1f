package org.example.inquiry.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line tools the checks use where the machine has them. */
final class Tools {

  private Tools() {}

  /** The path of an executable on the PATH, or null. */
  static String which(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
