package dev.cria.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The model servers {@link FakeLlamaApi} can pass for, each with the shapes it documents, kept as
 * fixtures under {@code fixtures/llama/<dir>/}: its model list, its 404 for a model it lacks and
 * for a path it lacks, and recorded streams that a test asks for with {@code [[fixture:NAME]]}.
 *
 * <p>Each server names, in this order: the fixture directory (null for the retired Llama API's
 * files at the top level); whether {@code /v1} speaks the native Llama API (the Llama API alone;
 * every other server speaks the OpenAI-compatible dialect there); whether requests without the
 * right bearer key get a 401; whether it serves {@code POST /moderations}; and whether a chat for a
 * model it does not list gets its model-not-found 404 (llama.cpp answers with its one loaded model
 * whatever the name).
 */
public enum FakeLlamaServer {
  LLAMA_API(null, true, true, true, false),
  OLLAMA("ollama", false, false, false, true),
  VLLM("vllm", false, false, false, true),
  LLAMA_CPP("llama-cpp", false, false, false, false),
  /** A hosted OpenAI-compatible provider (GroqCloud's shapes). */
  GROQ("groq", false, true, false, true);

  private final String dir;
  private final boolean nativeAtV1;
  private final boolean requiresKey;
  private final boolean moderations;
  private final boolean checksModels;

  FakeLlamaServer(
      String dir,
      boolean nativeAtV1,
      boolean requiresKey,
      boolean moderations,
      boolean checksModels) {
    this.dir = dir;
    this.nativeAtV1 = nativeAtV1;
    this.requiresKey = requiresKey;
    this.moderations = moderations;
    this.checksModels = checksModels;
  }

  boolean nativeAtV1() {
    return nativeAtV1;
  }

  boolean requiresKey() {
    return requiresKey;
  }

  boolean moderations() {
    return moderations;
  }

  boolean checksModels() {
    return checksModels;
  }

  /** The resource path of one of this server's fixtures. */
  String fixturePath(String name) {
    return "/fixtures/llama/" + (dir == null ? "" : dir + "/") + name;
  }

  String modelsFixture() {
    return fixturePath(dir == null ? "models-list.json" : "models.json");
  }

  /** A fixture's text, or null when this server has no such file. */
  String fixture(String name) {
    String path = name.startsWith("broken/") ? "/fixtures/llama/" + name : fixturePath(name);
    try (InputStream in = FakeLlamaServer.class.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first of these fixtures this server has, or null. */
  String firstFixture(String... names) {
    for (String name : names) {
      if (fixture(name) != null) {
        return name;
      }
    }
    return null;
  }
}
