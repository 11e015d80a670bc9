package dev.cria.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  @Test
  void readsEachSharedCommand() {
    assertEquals(Optional.of(new Command.Reset()), CommandParser.parse("reset"));
    assertEquals(Optional.of(new Command.Reset()), CommandParser.parse("  /Reset "));
    assertEquals(Optional.of(new Command.Help()), CommandParser.parse("help"));
    assertEquals(Optional.of(new Command.Usage()), CommandParser.parse("usage"));
    assertEquals(Optional.of(new Command.Model(null)), CommandParser.parse("model"));
    assertEquals(
        Optional.of(new Command.Model("Llama-3.3-70B-Instruct")),
        CommandParser.parse("model Llama-3.3-70B-Instruct"));
    assertEquals(
        Optional.of(new Command.SystemPrompt("You are terse.")),
        CommandParser.parse("system You are terse."));
    assertEquals(Optional.of(new Command.SystemPrompt("")), CommandParser.parse("system clear"));
    assertEquals(Optional.of(new Command.SystemPrompt(null)), CommandParser.parse("system"));
    assertEquals(Optional.of(new Command.Summarize()), CommandParser.parse("summarize"));
    assertEquals(Optional.of(new Command.Summarize()), CommandParser.parse("/Summarise"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "help me write a poem",
        "reset the router please",
        "model trains are fun, tell me about them",
        "what is the usage of semicolons",
        "summarize the plot of Hamlet",
        ""
      })
  void leavesQuestionsAlone(String text) {
    assertTrue(CommandParser.parse(text).isEmpty(), text);
  }
}
