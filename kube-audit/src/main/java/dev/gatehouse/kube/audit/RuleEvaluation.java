package dev.gatehouse.kube.audit;

import java.util.Set;

/**
 * The outcome of evaluating a policy for one request, upstream {@code RequestAuditConfig}.
 *
 * @param level             how much to record; {@link Level#NONE} means no event at all
 * @param omitStages        stages whose events are not written (rule stages plus policy-wide stages)
 * @param omitManagedFields whether {@code metadata.managedFields} is dropped from logged bodies
 */
public record RuleEvaluation(Level level, Set<Stage> omitStages, boolean omitManagedFields) {
    public RuleEvaluation {
        omitStages = omitStages == null ? Set.of() : Stages.ordered(omitStages);
    }

    /** Whether any event is produced for the request. */
    public boolean enabled() {
        return level != Level.NONE;
    }

    /** Whether events of this stage are written. */
    public boolean writes(Stage stage) {
        return !omitStages.contains(stage);
    }
}
