package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cria.process.CriaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache as the image and the README make it: {@code deploy/docker/aot-cache.sh} on the
 * packaged jar, then Cria started with {@code -XX:AOTMode=on}, under which the JVM refuses to start
 * unless it can use the cache. Needs a JDK of 25 or newer (the cache's JEPs), as the image has.
 */
class AotCacheIT {

  private static final Duration TRAINING = Duration.ofMinutes(3);

  @TempDir Path work;

  @Test
  void theTrainingRunMakesACacheThatCriaStartsWith() throws Exception {
    assumeTrue(
        Runtime.version().feature() >= 25,
        "the AOT cache needs JDK 25 or newer; these tests run on " + Runtime.version());
    Path jar = CriaProcess.packagedJar();
    Path cache = work.resolve("cria.aot");
    Path script = DeployFiles.root().resolve("deploy/docker/aot-cache.sh");

    ProcessBuilder training =
        new ProcessBuilder("sh", script.toString(), jar.toString(), cache.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("training.log").toFile());
    training.environment().put("JAVA", javaCommand());
    training.environment().put("AOT_JVM_OPTIONS", "-XX:+UseSerialGC");
    training.environment().put("AOT_TRAINING_PORT", String.valueOf(freePort()));
    Process process = training.start();
    assertTrue(process.waitFor(TRAINING.toSeconds(), TimeUnit.SECONDS), "training still running");
    String log = Files.readString(work.resolve("training.log"));
    assertEquals(0, process.exitValue(), log);
    assertTrue(Files.size(cache) > 1_000_000, "cache of " + Files.size(cache) + " bytes: " + log);

    Map<String, String> env =
        Map.of(
            "CRIA_DATA_DIR",
            work.resolve("data").toString(),
            "JAVA_TOOL_OPTIONS",
            "-XX:AOTMode=on -XX:AOTCache=" + cache);
    try (CriaProcess cria =
        CriaProcess.start(jar, env, work.resolve("cria.log"), Duration.ofSeconds(90))) {
      assertEquals(200, cria.get("/health").statusCode(), cria.log());
    }
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
