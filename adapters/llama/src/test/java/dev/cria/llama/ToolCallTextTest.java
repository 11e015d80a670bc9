package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tool calls printed as text (Ollama or llama.cpp passing a Llama 3.x model's own syntax through)
 * are recovered only when the whole answer is one call to an offered tool.
 */
class ToolCallTextTest {

  private static final List<ToolSpec> OFFERED =
      List.of(
          new ToolSpec("get_weather", "weather", "{}", false),
          new ToolSpec("current_time", "time", "{}", false));

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Cusco\"}} => {\"city\":\"Cusco\"}",
        "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Cusco\"}} => {\"city\":\"Cusco\"}",
        "{\"type\": \"function\", \"name\": \"get_weather\", \"parameters\": {\"city\": \"Cusco\"}}"
            + " => {\"city\":\"Cusco\"}",
        "<|python_tag|>{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Cusco\"}}<|eom_id|>"
            + " => {\"city\":\"Cusco\"}",
        "<function=get_weather>{\"city\": \"Cusco\"}</function> => {\"city\":\"Cusco\"}",
        "[get_weather(city=\"Cusco\", days=3, metric=True)]"
            + " => {\"city\":\"Cusco\",\"days\":3,\"metric\":true}",
        "[{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Cusco\"}}] => {\"city\":\"Cusco\"}",
        "{\"name\": \"get_weather\", \"parameters\": \"{\\\"city\\\": \\\"Cusco\\\"}\"}"
            + " => {\"city\":\"Cusco\"}",
      })
  void aWholeAnswerThatIsOneCallToAnOfferedToolIsRecovered(String text, String arguments) {
    Optional<ToolCall> call = ToolCallText.recover(text, OFFERED);

    assertTrue(call.isPresent(), text);
    assertEquals("get_weather", call.get().name());
    assertEquals(arguments, call.get().argumentsJson());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "```json\n{\"name\": \"current_time\", \"parameters\": {}}\n```",
        "[current_time()]",
        "  {\"name\":\"current_time\"}  ",
      })
  void fencesSpacesAndMissingArgumentsAreTolerated(String text) {
    Optional<ToolCall> call = ToolCallText.recover(text, OFFERED);

    assertEquals("current_time", call.orElseThrow().name(), text);
    assertEquals("{}", call.get().argumentsJson());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sure! {\"name\": \"get_weather\", \"parameters\": {}}",
        "{\"name\": \"send_email\", \"parameters\": {}}",
        "[get_weather(city=\"Cusco\"), current_time()]",
        "[{\"name\": \"get_weather\"}, {\"name\": \"current_time\"}]",
        "{\"name\": \"get_weather\", \"parameters\": {}, \"reason\": \"x\", \"extra\": 1}",
        "{\"name\": \"Cusco\", \"population\": 428450}",
        "[1, 2, 3]",
        "[get_weather(city=unquoted)]",
        "The weather tool is called get_weather.",
      })
  void anythingElseStaysText(String text) {
    assertFalse(ToolCallText.recover(text, OFFERED).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "{", "[get_", "<|pyth", "<function=get", "```"})
  void aBeginningThatMayBeACallIsHeldBack(String text) {
    assertTrue(ToolCallText.mayBeCall(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hello", "It is {", "<b>"})
  void otherBeginningsAreShownAtOnce(String text) {
    assertFalse(ToolCallText.mayBeCall(text), text);
  }

  @org.junit.jupiter.api.Test
  void nothingIsRecoveredWhenNoToolWasOffered() {
    assertFalse(
        ToolCallText.recover("{\"name\": \"get_weather\", \"parameters\": {}}", List.of())
            .isPresent());
  }
}
