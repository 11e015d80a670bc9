package dev.cria.llama;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model API client depends on the core, never the other way round. */
class LlamaDependencyRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.cria.core", "dev.cria.llama");

  @Test
  void theCoreKnowsNeitherThisClientNorTheHttpClient() {
    noClasses()
        .that()
        .resideInAPackage("dev.cria.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.cria.llama..", "java.net.http..")
        .check(MAIN);
  }

  @Test
  void theClientStaysOffNettyAndOffTheChatAdapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.cria.llama..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..", "dev.cria.chat..", "dev.cria.slack..", "dev.cria.discord..")
        .check(MAIN);
  }
}
