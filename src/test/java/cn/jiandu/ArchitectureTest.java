package cn.jiandu;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules of the layout that a machine can check (README "Layout", ../shared/STYLE.md):
 * capabilities form no cycles; only escalation (and the engine's configuration) touches
 * Camunda's runtime API and the process variables; web imports no capability; a mapper is
 * used only inside its own capability.
 */
class ArchitectureTest {

    /** The app's own classes (not its tests), imported once for every rule. */
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("cn.jiandu");

    @Test
    void shouldHaveNoCyclesBetweenCapabilities() {
        capabilitiesFormNoCycles.check(APP);
    }

    @Test
    void shouldLetOnlyEscalationTouchTheProcessRuntime() {
        onlyEscalationRunsTheProcess.check(APP);
    }

    @Test
    void shouldKeepWebFreeOfCapabilities() {
        webImportsNoCapability.check(APP);
    }

    @Test
    void shouldUseEveryMapperOnlyInItsOwnCapability() {
        mappersStayInTheirCapability.check(APP);
    }

    /** Every package below cn.jiandu is a capability (or a shared helper) of its own. */
    private static final ArchRule capabilitiesFormNoCycles = slices().matching("cn.jiandu.(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    private static final ArchRule onlyEscalationRunsTheProcess = noClasses()
            .that().resideOutsideOfPackages("cn.jiandu.escalation..", "cn.jiandu.engine..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.delegate..",
                    "org.camunda.bpm.engine.variable..", "org.camunda.bpm.engine.runtime..")
            .because("escalation owns the rectification process: it alone starts it, correlates its messages"
                    + " and knows its variables");

    private static final ArchRule webImportsNoCapability = noClasses().that().resideInAPackage("cn.jiandu.web..")
            .should().dependOnClassesThat(resideInAPackage("cn.jiandu..").and(not(resideInAPackage("cn.jiandu.web.."))))
            .because("web holds only HTTP concerns that every capability uses");

    private static final ArchRule mappersStayInTheirCapability = classes().that().haveSimpleNameEndingWith("Mapper")
            .and().areInterfaces().and().resideInAPackage("cn.jiandu..")
            .should(beUsedOnlyInTheirOwnPackage());

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only inside their own capability") {
            @Override
            public void check(JavaClass mapper, ConditionEvents events) {
                for (Dependency dependency : mapper.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    boolean inside = user.getPackageName().equals(mapper.getPackageName())
                            || user.getPackageName().startsWith(mapper.getPackageName() + ".");
                    if (!inside) {
                        events.add(SimpleConditionEvent.violated(dependency, user.getName() + " uses "
                                + mapper.getName() + " of another capability"));
                    }
                }
            }
        };
    }
}
