package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runnable jar under test: {@code app/target/cria.jar} when it is newer than every source file,
 * otherwise one built from a copy of the sources with the README's command ({@code ./mvnw -B -q
 * package -DskipTests}) in {@code app/target/jar-build}, since {@code verify} runs the tests before
 * it packages.
 */
final class CriaJar {

  static final List<String> BUILD = List.of("./mvnw", "-B", "-q", "package", "-DskipTests");

  private static final Set<String> SKIPPED =
      Set.of(".git", "target", "data", ".idea", "node_modules");
  private static Path built;

  private CriaJar() {}

  static synchronized Path current() {
    Path jar = DeployFiles.path("app/target/cria.jar");
    if (Files.isRegularFile(jar) && modified(jar).compareTo(newestSource()) > 0) {
      return jar;
    }
    if (built == null) {
      built = buildFromCopy();
    }
    return built;
  }

  private static Path buildFromCopy() {
    try {
      Path copy = DeployFiles.path("app/target/jar-build");
      deleteTree(copy);
      copySources(DeployFiles.root(), copy);
      Path log = copy.resolve("build.log");
      ProcessBuilder builder =
          new ProcessBuilder(BUILD)
              .directory(copy.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process build = builder.start();
      assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the jar build did not finish");
      assertEquals(0, build.exitValue(), "the jar build failed:\n" + Files.readString(log));
      return copy.resolve("app/target/cria.jar");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static FileTime newestSource() {
    Path root = DeployFiles.root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(path -> !root.relativize(path).toString().startsWith(".git"))
          .filter(path -> path.toString().contains("/src/main/") || path.endsWith("pom.xml"))
          .filter(path -> !path.toString().contains("/target/"))
          .filter(Files::isRegularFile)
          .map(CriaJar::modified)
          .max(FileTime::compareTo)
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copySources(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
