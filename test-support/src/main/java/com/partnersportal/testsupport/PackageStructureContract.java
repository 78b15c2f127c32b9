package com.partnersportal.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout every service keeps: packages by feature under the application's package, features that do
 * not depend on each other in a circle, and Spring Data repositories as top-level interfaces (nested ones
 * are silently ignored by Spring Data). A service's {@code PackageStructureTest} extends this; it fails the
 * build when a boundary leaks.
 */
public abstract class PackageStructureContract {

    private final String basePackage = getClass().getPackageName();
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);

    @Test
    void featuresDoNotDependOnEachOtherInACircle() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void repositoriesAreTopLevelInterfaces() {
        classes().that().areAssignableTo("org.springframework.data.repository.Repository")
                .should().beTopLevelClasses().andShould().beInterfaces()
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheApplicationClassLivesAtTheTopAllElseIsInAFeature() {
        classes().that().resideInAPackage(basePackage).should().beAnnotatedWith(
                        "org.springframework.boot.autoconfigure.SpringBootApplication")
                .check(classes);
    }
}
