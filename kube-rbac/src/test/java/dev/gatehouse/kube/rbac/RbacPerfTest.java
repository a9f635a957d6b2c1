package dev.gatehouse.kube.rbac;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints single-thread RBAC decisions per CPU-second with 100 and with 10,000 bindings (2,000 roles), plus the
 * bootstrap policy, and how long building a snapshot takes. Only prints; excluded from default runs. Run with
 * {@code ../mvnw -q -B -o test -Pperf}.
 */
@Tag("perf")
class RbacPerfTest {

    @Test
    void decisionsPerSecond() {
        measure(100, 2000); // first pass warms the JIT for both shapes
        double large = measure(10_000, 2000);
        double small = measure(100, 2000);
        System.out.printf("RBAC perf: a decision with 10,000 bindings takes %.2fx the time of one with 100%n", small / large);
    }

    private static double measure(int bindingCount, int roleCount) {
        Random random = new Random(7);
        SyntheticPolicy p = new SyntheticPolicy(bindingCount, roleCount, random, false);
        List<Role> roles = new ArrayList<>(p.roles);
        List<Binding> bindings = new ArrayList<>(p.bindings);
        BootstrapPolicy.load().clusterRoles().forEach(o -> roles.add(Role.fromJson(o)));
        BootstrapPolicy.load().clusterRoleBindings().forEach(o -> bindings.add(Binding.fromJson(o)));

        RbacPolicy policy = null;
        long buildNanos = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            policy = RbacPolicy.build(roles, bindings);
            buildNanos = Math.min(buildNanos, System.nanoTime() - t0);
        }
        Attributes[] requests = new Attributes[4096];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = p.request(random);
        }
        int allowed = 0;
        for (Attributes r : requests) {
            allowed += policy.authorize(r).allowed() ? 1 : 0;
        }
        long sink = 0;
        // warm up, then the best of five one-second runs
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
            for (Attributes r : requests) {
                sink += policy.authorize(r).reason().length();
            }
        }
        // Thread CPU time, not wall time: the build machine is shared, and a busy neighbour should not count.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int run = 0; run < 5; run++) {
            long count = 0;
            long t0 = cpu.getCurrentThreadCpuTime();
            long end = t0 + 1_000_000_000L;
            while (cpu.getCurrentThreadCpuTime() < end) {
                for (Attributes r : requests) {
                    sink += policy.authorize(r).reason().length();
                }
                count += requests.length;
            }
            best = Math.max(best, count / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9));
        }
        System.out.printf("RBAC perf: %,d bindings (%,d roles): build %.1f ms, %,.0f decisions/s, %d%% allowed (sink %d)%n",
                policy.bindingCount(), roles.size(), buildNanos / 1e6, best, allowed * 100 / requests.length, sink % 10);
        return best;
    }
}
