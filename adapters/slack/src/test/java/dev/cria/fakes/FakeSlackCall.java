package dev.cria.fakes;

import java.util.Map;

/**
 * One request the fake Slack received: the Web API method (or {@code response_url}), its form
 * fields (or JSON body fields for response URLs) and the bearer token it carried.
 */
public record FakeSlackCall(String method, Map<String, String> form, String token) {

  public String get(String field) {
    return form.get(field);
  }
}
