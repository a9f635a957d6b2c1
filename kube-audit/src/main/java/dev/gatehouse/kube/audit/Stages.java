package dev.gatehouse.kube.audit;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Stage sets kept in enum order so that results and test output are deterministic. */
final class Stages {
    private Stages() {
    }

    static Set<Stage> ordered(Collection<Stage> stages) {
        if (stages.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(stages));
    }

    /** Upstream {@code unionStages}: every stage in either set. */
    static Set<Stage> union(Set<Stage> a, Set<Stage> b) {
        EnumSet<Stage> all = EnumSet.noneOf(Stage.class);
        all.addAll(a);
        all.addAll(b);
        return ordered(all);
    }
}
