package dev.dkimagent.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN.md, on the compiled classes: no package cycles in agent/, rules depends on
 * nothing of the agent, probes return observations and know nothing of who reads them (alerting,
 * metrics, scheduling, the pipeline), alerting and metrics never reach DNS or SES, the store
 * persists its own types, the pipeline does not know what triggers it, and jobs stay thin.
 */
class ArchitectureTest {
    private static final String AGENT = "dev.dkimagent.agent";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dkimagent");

    @Test
    void agentPackages_haveNoCycles() {
        slices().matching(AGENT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void rules_dependOnNothingOfTheAgent() {
        noClasses().that().resideInAPackage("dev.dkimagent.rules..")
                .should().dependOnClassesThat().resideInAPackage(AGENT + "..")
                .check(CLASSES);
    }

    @Test
    void probes_knowNothingOfWhoReadsThemOrWhenTheyRun() {
        noClasses().that().resideInAnyPackage(pkg("dns"), pkg("inventory"), pkg("probe"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("alert"), pkg("metrics"), pkg("schedule"),
                        pkg("pipeline"), pkg("store"), pkg("daemon"), pkg("cli"))
                .check(CLASSES);
    }

    /** Metrics take plain values; the composition root adapts probe events to them (wiring.QueryMetrics). */
    @Test
    void alertingAndMetrics_neverReachDnsOrSes() {
        noClasses().that().resideInAnyPackage(pkg("alert"), pkg("metrics"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("dns"), pkg("inventory"), pkg("probe"))
                .check(CLASSES);
    }

    @Test
    void store_persistsItsOwnTypes_neverAlertOnes() {
        noClasses().that().resideInAPackage(pkg("store"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("alert"), pkg("pipeline"), pkg("metrics"))
                .check(CLASSES);
    }

    @Test
    void pipeline_doesNotKnowWhatTriggersIt() {
        noClasses().that().resideInAPackage(pkg("pipeline"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("schedule"), pkg("daemon"), pkg("cli"),
                        pkg("wiring"), pkg("config"), pkg("dns"))
                .check(CLASSES);
    }

    @Test
    void jobs_areThin_theyOnlyCallThePipelineAndTheOutbox() {
        noClasses().that().resideInAPackage(pkg("schedule"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("dns"), pkg("probe"), pkg("inventory"),
                        pkg("store"), pkg("metrics"), "dev.dkimagent.rules..")
                .check(CLASSES);
    }

    @Test
    void importer_readsTheRealClasses() {
        assertThat(CLASSES.contain(AGENT + ".pipeline.ZonePipeline")).isTrue();
        assertThat(CLASSES.contain("dev.dkimagent.rules.RuleEngine")).isTrue();
    }

    private static String pkg(String name) {
        return AGENT + "." + name + "..";
    }
}
