package dev.cria.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.cria.chat.ConversationService;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the core and the chat model know no platform, database or HTTP client.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test fakes shared between modules as test-jars are test code too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.cria");
  }

  @Test
  void theCoreImportsNoPlatformDatabaseOrHttpClientTypes() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.cria.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.slack..",
                "net.dv8tion..",
                "java.sql..",
                "javax.sql..",
                "io.micronaut.data..",
                "io.micronaut.transaction..",
                "java.net.http..",
                "io.micronaut.http.client..",
                "okhttp3..",
                "dev.cria.persistence..",
                "dev.cria.store..",
                "dev.cria.llama..",
                "dev.cria.slack..",
                "dev.cria.discord..",
                "dev.cria.web..",
                "dev.cria.mcp..",
                "io.modelcontextprotocol..",
                "io.micronaut.http..",
                "com.fasterxml.jackson..",
                "dev.cria.config..",
                "dev.cria.ops..");
    rule.check(classes);
  }

  @Test
  void theChatModelIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.cria.chat..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut..", "com.slack..", "net.dv8tion..", "java.sql..", "dev.cria.core..")
        .check(classes);
  }

  @Test
  void adaptersNeverImportTheApp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.cria.slack..", "dev.cria.discord..", "dev.cria.web..", "dev.cria.chat..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.cria.core..",
            "dev.cria.config..",
            "dev.cria.store..",
            "dev.cria.llama..",
            "dev.cria.ops..",
            "dev.cria.persistence..")
        .check(classes);
  }

  @Test
  void noAdapterImportsAnotherAdapter() {
    List<String> adapters =
        List.of(
            "dev.cria.slack..",
            "dev.cria.discord..",
            "dev.cria.web..",
            "dev.cria.llama..",
            "dev.cria.mcp..",
            "dev.cria.store..",
            "dev.cria.persistence..");
    for (String adapter : adapters) {
      String[] others =
          adapters.stream().filter(other -> !other.equals(adapter)).toArray(String[]::new);
      if (adapter.equals("dev.cria.store..")) {
        // The store is the core's ports on the repositories.
        others =
            Arrays.stream(others)
                .filter(other -> !other.equals("dev.cria.persistence.."))
                .toArray(String[]::new);
      }
      noClasses()
          .that()
          .resideInAPackage(adapter)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(classes);
    }
  }

  @Test
  void mappersAskNobody() {
    // Who Cria answers is decided once, in the core (AddressingRules), when an event is accepted:
    // a mapper reads what the platform said and hands it over, without asking the core anything.
    noClasses()
        .that()
        .resideInAnyPackage("dev.cria.slack..", "dev.cria.discord..", "dev.cria.web..")
        .and()
        .haveSimpleNameEndingWith("Mapper")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ConversationService.class)
        .check(classes);
  }

  @Test
  void theModelClientAndTheStoreNeverImportTheApp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.cria.llama..", "dev.cria.mcp..", "dev.cria.store..", "dev.cria.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.cria.config..", "dev.cria.ops..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.cria.Application")
        .check(classes);
  }

  @Test
  void slackSignaturesAreComparedInConstantTimeAndOnlyByCria() {
    classes()
        .that()
        .haveSimpleName("SlackSignatureCheck")
        .should()
        .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(classes);
    noClasses()
        .that()
        .haveSimpleName("SlackSignatureCheck")
        .should()
        .callMethod(String.class, "equals", Object.class)
        .orShould()
        .callMethod(Arrays.class, "equals", byte[].class, byte[].class)
        .check(classes);
    // Bolt's own verifier compares with String.equals and accepts any future timestamp.
    noClasses()
        .that()
        .resideInAPackage("dev.cria..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.slack.api.app_backend.SlackSignature$Verifier")
        .check(classes);
  }

  @Test
  void platformsStayInTheirAdapters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.cria.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.slack..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.cria.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.cria.mcp..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.modelcontextprotocol..")
        .check(classes);
  }
}
