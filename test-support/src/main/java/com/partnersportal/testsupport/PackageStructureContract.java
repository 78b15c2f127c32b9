package com.partnersportal.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The layout every service keeps: packages by feature under the application's package, features that do
 * not depend on each other in a circle, and Spring Data repositories as top-level interfaces (nested ones
 * are silently ignored by Spring Data). The same job has the same name everywhere: a consumer of the binding
 * {@code orderEvents} is {@code orderevents.OrderEventsConsumer}, a configuration record is a {@code *Properties}, an
 * integration-test harness is an annotation {@code testing.<Service>IntegrationTest}.
 * A service's {@code PackageStructureTest} extends this; it fails the build when a boundary leaks or a name drifts.
 */
public abstract class PackageStructureContract {

    private static final String INTEGRATION_TEST = "com.partnersportal.testsupport.ServiceIntegrationTest";
    /** Names of audiences or layers, not of features. */
    private static final Set<String> NOT_FEATURES =
            Set.of("api", "merchantapi", "portal", "operator", "web", "rest", "controller", "controllers");

    private static final DescribedPredicate<JavaClass> DECLARE_A_BINDING =
            DescribedPredicate.describe("declare a Spring Cloud Stream consumer binding", type -> !bindings(type).isEmpty());

    private static final ArchCondition<JavaClass> BE_NAMED_AFTER_THEIR_BINDING =
            new ArchCondition<>("be named <Binding>Consumer in the package <binding>") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (JavaMethod binding : bindings(type)) {
                        String name = binding.getName();
                        String expectedClass = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Consumer";
                        String expectedPackage = name.toLowerCase(Locale.ROOT);
                        boolean named = type.getSimpleName().equals(expectedClass)
                                && type.getPackageName().endsWith("." + expectedPackage);
                        events.add(new SimpleConditionEvent(type, named, "binding %s is declared in %s, not in %s.%s"
                                .formatted(name, type.getName(), expectedPackage, expectedClass)));
                    }
                }
            };

    private static List<JavaMethod> bindings(JavaClass type) {
        return type.getMethods().stream()
                .filter(method -> method.isAnnotatedWith("org.springframework.context.annotation.Bean"))
                .filter(method -> method.getRawReturnType().isEquivalentTo(Consumer.class))
                .toList();
    }

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
    void configurationRecordsAreNamedProperties() {
        classes().that().areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .should().haveSimpleNameEndingWith("Properties")
                .allowEmptyShould(true).check(classes);
    }

    /** Binding {@code fooEvents} (a {@code Consumer} bean of that name): class {@code FooEventsConsumer}, package {@code fooevents}. */
    @Test
    void eachEventConsumerIsNamedAfterItsBindingInAPackageOfThatName() {
        classes().that(DECLARE_A_BINDING).should(BE_NAMED_AFTER_THEIR_BINDING).allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheApplicationClassLivesAtTheTopAllElseIsInAFeature() {
        classes().that().resideInAPackage(basePackage).should().beAnnotatedWith(
                        "org.springframework.boot.autoconfigure.SpringBootApplication")
                .check(classes);
    }

    /**
     * A service's integration-test harness is one annotation, {@code @<Service>IntegrationTest} in its {@code testing}
     * package (meta-annotated with {@link ServiceIntegrationTest}), never an abstract base class; tests that need a
     * context of their own may still use {@code @ServiceIntegrationTest} itself.
     */
    @Test
    void integrationTestHarnessesAreAnnotationsNamedIntegrationTest() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(basePackage);
        classes().that().areAnnotations().and().areAnnotatedWith(INTEGRATION_TEST)
                .should().haveSimpleNameEndingWith("IntegrationTest").andShould().resideInAPackage("..testing")
                .allowEmptyShould(true).check(tests);
        noClasses().that().areAnnotatedWith(INTEGRATION_TEST).and().areNotInterfaces()
                .should().haveModifier(JavaModifier.ABSTRACT)
                .allowEmptyShould(true).check(tests);
    }

    /**
     * Packages that still group a service's controllers by audience, named by the service until they move (ADR 23):
     * the rule below lets them be and refuses any new one.
     */
    protected Set<String> audiencePackagesNotYetMoved() {
        return Set.of();
    }

    /** A controller lives in the package of the feature it serves, never in one named after its audience or layer. */
    @Test
    void controllersLiveInTheirFeaturesPackage() {
        Set<String> allowed = audiencePackagesNotYetMoved();
        classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(new ArchCondition<JavaClass>("reside in a package named after a feature") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        String last = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
                        boolean feature = !NOT_FEATURES.contains(last) || allowed.contains(last);
                        events.add(new SimpleConditionEvent(type, feature, ("%s is in %s, a package named after an "
                                + "audience or a layer, not a feature").formatted(type.getName(), type.getPackageName())));
                    }
                })
                .allowEmptyShould(true).check(classes);
    }
}
