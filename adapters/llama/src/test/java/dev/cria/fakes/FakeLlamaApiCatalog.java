package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The models {@link FakeLlamaApi} serves: those of its server's model list fixture. */
final class FakeLlamaApiCatalog {

  private final JsonNode list;

  private FakeLlamaApiCatalog(JsonNode list) {
    this.list = list;
  }

  static FakeLlamaApiCatalog fromFixture(String fixture) {
    try (InputStream in = FakeLlamaApiCatalog.class.getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalStateException(fixture + " is not on the classpath");
      }
      return new FakeLlamaApiCatalog(FakeLlamaApiJson.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> ids() {
    List<String> ids = new ArrayList<>();
    list.path("data").forEach(model -> ids.add(model.path("id").asText()));
    return List.copyOf(ids);
  }

  /** Whether it serves this model; a name without a tag means {@code :latest}, as on Ollama. */
  boolean serves(String id) {
    List<String> ids = ids();
    return ids.contains(id) || (!id.contains(":") && ids.contains(id + ":latest"));
  }

  /** The {@code GET /models} body. */
  String list() {
    return FakeLlamaApiJson.write(list);
  }

  /** The {@code GET /models/{id}} body, or null for an unknown id. */
  String find(String id) {
    for (JsonNode model : list.path("data")) {
      if (model.path("id").asText().equals(id)) {
        return FakeLlamaApiJson.write(model);
      }
    }
    return null;
  }
}
