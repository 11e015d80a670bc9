package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile builds the jar with the README's command on a JDK 21 and runs it on a JRE 21 as
 * a non-root user, with the data volume, the health check and container-aware memory flags.
 */
class DockerfileTest {

  /** A Maven wrapper command that builds the jar, up to the end of the shell command. */
  private static final Pattern BUILD_COMMAND =
      Pattern.compile("\\./mvnw [^`\\n\\\\&;]*\\bpackage\\b[^`\\n\\\\&;]*");

  private final String dockerfile = DeployFiles.read("deploy/Dockerfile");

  @Test
  void buildsWithTheSameMavenCommandAsTheReadmes() {
    List<String> documented = new ArrayList<>();
    documented.addAll(buildCommands(DeployFiles.read("README.md")));
    documented.addAll(buildCommands(DeployFiles.read("deploy/README.md")));
    List<String> built = buildCommands(section("FROM eclipse-temurin:21-jdk AS build"));

    assertEquals(1, built.size(), "one build command in the build stage: " + built);
    assertFalse(documented.isEmpty(), "the READMEs spell out no ./mvnw ... package command");
    for (String command : documented) {
      assertEquals(command, built.getFirst(), "the README and the image must build the same way");
    }
  }

  @Test
  void copiesTheJarTheBuildProduces() {
    assertTrue(dockerfile.contains("cp app/target/cria.jar /build/cria.jar"), dockerfile);
    assertTrue(
        section("FROM eclipse-temurin:25-jre").contains("COPY --from=build /build/cria.jar"));
  }

  @Test
  void runsOnAJava21JreAsUser10001() {
    String runtime = section("FROM eclipse-temurin:25-jre");

    assertTrue(runtime.contains("--uid 10001"), runtime);
    assertTrue(runtime.lines().anyMatch(line -> line.startsWith("USER 10001")), runtime);
    assertTrue(runtime.contains("EXPOSE 8080"), runtime);
  }

  @Test
  void keepsTheDataDirectoryOnAVolume() {
    String runtime = section("FROM eclipse-temurin:25-jre");

    assertTrue(runtime.contains("CRIA_DATA_DIR=/data"), runtime);
    assertTrue(runtime.contains("VOLUME [\"/data\"]"), runtime);
    assertTrue(runtime.contains("chown 10001:0 /data"), "the volume must be writable by Cria");
  }

  @Test
  void healthCheckAsksForHealth() {
    Matcher healthCheck =
        Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD (.*)").matcher(dockerfile);

    assertTrue(healthCheck.find(), "no HEALTHCHECK ... CMD");
    assertTrue(healthCheck.group(1).contains("\"HealthCheck\", \"/health\""), healthCheck.group(1));
    assertTrue(dockerfile.contains("javac --release 21 -d /build/healthcheck"));
    assertTrue(dockerfile.contains("COPY --from=build /build/healthcheck /app/healthcheck"));
  }

  @Test
  void sizesTheHeapFromTheContainerAndExitsOnOutOfMemory() {
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile);

    assertTrue(entrypoint.find());
    assertEquals(
        "[\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+UseSerialGC\","
            + " \"-XX:AOTCache=/app/cria.aot\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\","
            + " \"/app/cria.jar\"]",
        entrypoint.group(1),
        "exec form, so SIGTERM reaches the JVM");
  }

  @Test
  void makesTheAotCacheOnItsOwnJvmWithTheCollectorItRunsWith() {
    String runtime = section("FROM eclipse-temurin:25-jre");

    assertTrue(runtime.contains("COPY deploy/docker/aot-cache.sh"), runtime);
    assertTrue(
        runtime.contains(
            "AOT_JVM_OPTIONS=\"-XX:+UseSerialGC\" sh /tmp/aot-cache.sh /app/cria.jar /app/cria.aot"),
        runtime);
    assertTrue(
        runtime.indexOf("aot-cache.sh /app/cria.jar") > runtime.indexOf("COPY --from=build"),
        "the cache is made from the jar the image ships");
  }

  @Test
  void buildContextLeavesOutBuildOutputAndSecrets() {
    List<String> ignored = DeployFiles.read(".dockerignore").lines().map(String::strip).toList();

    assertTrue(ignored.containsAll(List.of(".git", "**/target", ".env", "**/.env")), "" + ignored);
    for (String needed : List.of("mvnw", ".mvn", "pom.xml", "app", "deploy", "deploy/docker")) {
      assertFalse(ignored.contains(needed), needed + " is needed by the build");
    }
  }

  private String section(String from) {
    int start = dockerfile.indexOf(from);
    assertTrue(start >= 0, "no stage " + from);
    int next = dockerfile.indexOf("\nFROM ", start + from.length());
    return dockerfile.substring(start, next < 0 ? dockerfile.length() : next);
  }

  private static List<String> buildCommands(String text) {
    List<String> commands = new ArrayList<>();
    Matcher matcher = BUILD_COMMAND.matcher(text);
    while (matcher.find()) {
      commands.add(matcher.group().strip());
    }
    return commands;
  }
}
