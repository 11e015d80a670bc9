package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscordPayloads;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** Registration happens only when Cria's commands differ from what Discord has. */
class CommandSignatureTest {

  /** What Discord answers to GET applications/{id}/commands after Cria registered. */
  private static List<CommandData> registered() {
    return FakeDiscordPayloads.fixtureArray("commands-registered").stream(DataArray::getObject)
        .map(CommandData::fromData)
        .toList();
  }

  @Test
  void criasCommandsMatchWhatDiscordReturnsForThem() {
    assertTrue(
        CommandSignature.of(DiscordSlashCommands.all()).matches(CommandSignature.of(registered())));
  }

  @Test
  void orderDoesNotMatter() {
    List<CommandData> reversed = new ArrayList<>(registered()).reversed();

    assertTrue(
        CommandSignature.of(DiscordSlashCommands.all()).matches(CommandSignature.of(reversed)));
  }

  @Test
  void aChangedDescriptionPermissionOrOptionIsAChange() {
    for (String change : List.of("description", "default_member_permissions", "options")) {
      DataArray commands = FakeDiscordPayloads.fixtureArray("commands-registered");
      DataObject system = commands.getObject(4);
      switch (change) {
        case "description" -> system.put("description", "Set the system prompt");
        case "default_member_permissions" -> system.put("default_member_permissions", null);
        default -> system.getArray("options").getObject(0).put("required", true);
      }
      List<CommandData> changed =
          commands.stream(DataArray::getObject).map(CommandData::fromData).toList();

      assertFalse(
          CommandSignature.of(DiscordSlashCommands.all()).matches(CommandSignature.of(changed)),
          change);
    }
  }

  @Test
  void aMissingOrExtraCommandIsAChange() {
    List<CommandData> fewer = registered().subList(0, 6);
    List<CommandData> more = new ArrayList<>(registered());
    more.add(Commands.slash("imagine", "Draw something"));

    assertFalse(
        CommandSignature.of(DiscordSlashCommands.all()).matches(CommandSignature.of(fewer)));
    assertFalse(CommandSignature.of(DiscordSlashCommands.all()).matches(CommandSignature.of(more)));
  }
}
