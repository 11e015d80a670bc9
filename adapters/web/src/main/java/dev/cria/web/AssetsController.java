package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' one stylesheet and one small script, from the jar; no JavaScript build step. */
@Controller("/assets")
@Requires(property = "cria.web.enabled", notEquals = "false")
class AssetsController {

  private static final Map<String, MediaType> ASSETS =
      Map.of(
          "cria.css", MediaType.of("text/css"),
          "cria.js", MediaType.of("text/javascript"));

  @Get("/{name}")
  HttpResponse<byte[]> asset(@PathVariable String name) {
    MediaType type = ASSETS.get(name);
    if (type == null) {
      return HttpResponse.notFound();
    }
    try (InputStream in = getClass().getResourceAsStream("/web/" + name)) {
      return HttpResponse.ok(in.readAllBytes())
          .contentType(type)
          .header("Cache-Control", "max-age=300")
          .header("X-Content-Type-Options", "nosniff");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
