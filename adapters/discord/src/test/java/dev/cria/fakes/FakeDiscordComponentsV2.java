package dev.cria.fakes;

import java.util.Set;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * What Discord checks on a message created or edited with {@code IS_COMPONENTS_V2} (flag 1 &lt;&lt;
 * 15): no content and no embeds, at least one component, only layout and content components at the
 * top level, at most 4,000 characters in all its text displays, at most five buttons in an action
 * row. Once a message has the flag, an edit cannot take it back to content.
 */
final class FakeDiscordComponentsV2 {

  static final int FLAG = 1 << 15;
  static final int MAX_TEXT = 4000;

  /** Action row, section, text display, media gallery, separator, container. */
  private static final Set<Integer> TOP_LEVEL = Set.of(1, 9, 10, 12, 14, 17);

  private FakeDiscordComponentsV2() {}

  static boolean flagged(DataObject body) {
    return (body.getInt("flags", 0) & FLAG) != 0;
  }

  /**
   * Why Discord would refuse this body (code 50035, Invalid Form Body), or null when it is fine.
   *
   * @param alreadyV2 whether the message edited already has the flag
   */
  static String refusal(DataObject body, boolean alreadyV2) {
    boolean flagged = flagged(body);
    if (!flagged) {
      return alreadyV2 && !body.getString("content", "").isEmpty()
          ? "content cannot be set on a components V2 message"
          : null;
    }
    if (!body.getString("content", "").isEmpty()) {
      return "content cannot be used with IS_COMPONENTS_V2";
    }
    if (body.hasKey("embeds") && !body.isNull("embeds") && body.getArray("embeds").length() > 0) {
      return "embeds cannot be used with IS_COMPONENTS_V2";
    }
    DataArray components =
        body.hasKey("components") && !body.isNull("components")
            ? body.getArray("components")
            : DataArray.empty();
    if (components.length() == 0) {
      return "a components V2 message needs components";
    }
    int text = 0;
    for (int i = 0; i < components.length(); i++) {
      DataObject component = components.getObject(i);
      int type = component.getInt("type");
      if (!TOP_LEVEL.contains(type)) {
        return "component type " + type + " cannot be at the top level";
      }
      if (type == 10) {
        text += component.getString("content").length();
      }
      if (type == 1 && component.getArray("components").length() > 5) {
        return "an action row holds at most 5 buttons";
      }
    }
    return text > MAX_TEXT ? "text displays hold " + text + " > " + MAX_TEXT + " characters" : null;
  }

  /** The text a person reads in a components V2 message: its text displays, in order. */
  static String text(DataObject body) {
    StringBuilder text = new StringBuilder();
    DataArray components = body.getArray("components");
    for (int i = 0; i < components.length(); i++) {
      DataObject component = components.getObject(i);
      if (component.getInt("type") == 10) {
        text.append(component.getString("content"));
      }
    }
    return text.toString();
  }
}
