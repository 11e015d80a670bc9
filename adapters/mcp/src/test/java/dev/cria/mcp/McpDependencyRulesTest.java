package dev.cria.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The MCP client implements a core port; the core knows neither it nor the SDK. */
class McpDependencyRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.cria.core", "dev.cria.chat", "dev.cria.mcp");

  @Test
  void theCoreKnowsNeitherThisClientNorTheSdk() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.cria.core..", "dev.cria.chat..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.cria.mcp..", "io.modelcontextprotocol..")
        .check(MAIN);
  }

  @Test
  void theClientStaysOffTheOtherAdaptersAndTheServerSide() {
    noClasses()
        .that()
        .resideInAPackage("dev.cria.mcp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.cria.llama..",
            "dev.cria.slack..",
            "dev.cria.discord..",
            "dev.cria.web..",
            "io.modelcontextprotocol.server..",
            "jakarta.servlet..")
        .check(MAIN);
  }
}
