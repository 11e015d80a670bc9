package dev.cria.fakes;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One REST call the fake Discord received.
 *
 * @param seq the order in which calls arrived, from 1
 * @param route the path after {@code /api/v10/}, e.g. {@code channels/1/messages}
 * @param body the raw request body, empty when there was none
 */
public record FakeDiscordCall(long seq, String method, String route, String query, String body) {

  public DataObject json() {
    return DataObject.fromJson(body);
  }

  public DataArray jsonArray() {
    return DataArray.fromJson(body);
  }

  public boolean is(String method, String routeRegex) {
    return this.method.equals(method) && route.matches(routeRegex);
  }

  @Override
  public String toString() {
    return method + " " + route + (query == null ? "" : "?" + query);
  }
}
