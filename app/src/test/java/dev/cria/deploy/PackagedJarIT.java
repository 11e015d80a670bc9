package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar holds everything each module needs at run time. Every module writes its runtime
 * class path to {@code target/runtime-classpath.txt} (the root pom's {@code runtime-classpath}
 * execution). Every artifact a module lists must be on the app's runtime class path too (in any
 * version Maven chose), and every class of the app's runtime class path must be in {@code
 * app/target/cria.jar}.
 *
 * <p>This is the check that catches a dependency the app module narrows by accident, as when a
 * test-scoped {@code Java-WebSocket} in {@code app/pom.xml} overrode the Slack adapter's compile
 * dependency and the shaded jar lost Socket Mode's WebSocket client.
 */
class PackagedJarIT {

  private static final List<String> MODULES =
      List.of(
          "core",
          "adapters/llama",
          "adapters/slack",
          "adapters/discord",
          "adapters/web",
          "persistence",
          "app");

  @Test
  void theAppNeedsEveryArtifactAnyModuleNeedsAtRunTime() throws IOException {
    Path root = CriaJar.current().getParent().getParent().getParent();
    Set<String> app = artifacts(runtimeClassPath(root.resolve("app")));
    Map<String, String> missing = new TreeMap<>();
    for (String module : MODULES) {
      for (String artifact : artifacts(runtimeClassPath(root.resolve(module)))) {
        if (!app.contains(artifact)) {
          missing.put(artifact, "needed by " + module);
        }
      }
    }
    assertEquals(
        Map.of(),
        missing,
        "app's runtime class path lacks what a module needs: a test or provided scope in"
            + " app/pom.xml overrides that module's compile dependency");
  }

  @Test
  void holdsEveryClassOfTheAppsRuntimeClassPath() throws IOException {
    Path jar = CriaJar.current();
    Path root = jar.getParent().getParent().getParent();
    Set<String> packaged = classesIn(jar);
    assertTrue(packaged.contains("dev/cria/Application.class"), "not Cria's jar: " + jar);
    List<Path> dependencies = runtimeClassPath(root.resolve("app"));
    assertTrue(dependencies.size() > 20, "too few runtime dependencies: " + dependencies);
    Map<String, List<String>> missing = new TreeMap<>();
    for (Path dependency : dependencies) {
      Set<String> classes =
          Files.isDirectory(dependency) ? classesUnder(dependency) : classesIn(dependency);
      List<String> absent = classes.stream().filter(c -> !packaged.contains(c)).limit(3).toList();
      if (!absent.isEmpty()) {
        missing.put(dependency.getFileName().toString(), absent);
      }
    }
    assertEquals(Map.of(), missing, "app/target/cria.jar lacks classes of these dependencies");
  }

  /**
   * Artifacts without their versions: a jar's folder in the Maven repository ({@code
   * .../group/artifact/version/artifact-version.jar} becomes {@code .../group/artifact}), a reactor
   * module's classes folder as it is.
   */
  private static Set<String> artifacts(List<Path> classPath) {
    return classPath.stream()
        .map(path -> Files.isDirectory(path) ? path : path.getParent().getParent())
        .map(Path::toString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void holdsSocketModesWebSocketClient() throws IOException {
    Set<String> packaged = classesIn(CriaJar.current());
    assertTrue(
        packaged.contains("org/java_websocket/client/WebSocketClient.class"),
        "Slack Socket Mode cannot connect without Java-WebSocket in the jar");
  }

  private static List<Path> runtimeClassPath(Path module) throws IOException {
    Path listing = module.resolve("target/runtime-classpath.txt");
    assertTrue(
        Files.isRegularFile(listing),
        listing + " is missing: build the whole reactor (./mvnw verify, or -pl app -am)");
    String content = Files.readString(listing).strip();
    if (content.isEmpty()) {
      return List.of();
    }
    return Stream.of(content.split(java.io.File.pathSeparator)).map(Path::of).toList();
  }

  private static Set<String> classesIn(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(ZipEntry::getName)
          .filter(PackagedJarIT::isCheckedClass)
          .collect(Collectors.toSet());
    }
  }

  private static Set<String> classesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(PackagedJarIT::isCheckedClass)
          .collect(Collectors.toSet());
    }
  }

  /** Class files, less those the shade plugin leaves out on purpose (module descriptors). */
  private static boolean isCheckedClass(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class");
  }
}
