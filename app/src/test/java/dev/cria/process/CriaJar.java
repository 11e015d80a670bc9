package dev.cria.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the packaged jar is: {@code app/target/cria.jar}, which failsafe's {@code *IT} tests find
 * built because they run after {@code package}.
 */
public final class CriaJar {

  private CriaJar() {}

  /** The app module's {@code target} directory (failsafe and surefire set {@code basedir}). */
  public static Path buildDirectory() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
  }

  /** The jar, or an assertion error that says how to build it. */
  public static Path path() {
    Path jar = buildDirectory().resolve("cria.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar + " is missing: *IT tests run after `package` (./mvnw -B verify builds it)");
    }
    return jar;
  }
}
