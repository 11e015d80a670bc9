package dev.cria.llama;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /models} said about the model server at one moment.
 *
 * @param error why the server could not be asked, or null when it answered
 * @param served the model ids it serves (empty when it could not be asked)
 * @param missing for each variable whose model it does not serve ({@code LLAMA_MODEL}, {@code
 *     LLAMA_MODERATION_MODEL}), that model
 */
public record ModelServerStatus(
    String baseUrl,
    String error,
    List<String> served,
    Map<String, String> missing,
    Instant checkedAt) {

  public ModelServerStatus {
    served = List.copyOf(served);
    missing = Map.copyOf(missing);
  }

  public boolean reachable() {
    return error == null;
  }
}
