package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream {@code printPod}: NAME READY STATUS RESTARTS AGE IP NODE NOMINATED-NODE READINESS-GATES. The STATUS
 * cell is the most specific reason available: pod reason, scheduling gate, the first unfinished init container
 * ({@code Init:1/3}, {@code Init:CrashLoopBackOff}), the first container's waiting/terminated reason, then
 * {@code Terminating}/{@code Unknown} for pods being deleted.
 */
final class PodPrinter implements RowPrinter {

    private static final String NODE_UNREACHABLE_POD_REASON = "NodeLost";

    @Override
    public List<TableRowCondition> conditions(JsonNode pod) {
        return switch (Json.text(pod, "/status/phase")) {
            case "Succeeded" -> List.of(new TableRowCondition("Completed", "True", "Succeeded",
                    "The pod has completed successfully."));
            case "Failed" -> List.of(new TableRowCondition("Completed", "True", "Failed", "The pod failed."));
            default -> List.of();
        };
    }

    @Override
    public List<Object> cells(JsonNode pod, Instant now) {
        Counts counts = new Counts();
        String phase = Json.text(pod, "/status/phase");
        String reason = phase;
        if (!Json.text(pod, "/status/reason").isEmpty()) {
            reason = Json.text(pod, "/status/reason");
        }
        for (JsonNode condition : Json.array(pod, "/status/conditions")) {
            if (Json.text(condition, "/type").equals("PodScheduled")
                    && Json.text(condition, "/reason").equals("SchedulingGated")) {
                reason = "SchedulingGated";
            }
        }

        List<JsonNode> initContainers = Json.array(pod, "/spec/initContainers");
        Map<String, JsonNode> initByName = new HashMap<>();
        int totalContainers = Json.array(pod, "/spec/containers").size();
        for (JsonNode c : initContainers) {
            initByName.put(Json.text(c, "/name"), c);
            if (isRestartable(c)) {
                totalContainers++;
            }
        }

        InitState init = scanInitContainers(pod, initByName, initContainers.size(), counts, reason);
        reason = init.reason();

        if (!init.initializing() || isInitializedConditionTrue(pod)) {
            counts.restarts = counts.sidecarRestarts;
            counts.lastRestart = counts.lastSidecarRestart;
            boolean hasRunning = false;
            List<JsonNode> statuses = Json.array(pod, "/status/containerStatuses");
            // Backwards, so the first container's state is the one left in `reason`.
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode status = statuses.get(i);
                counts.restarts += Json.integer(status, "/restartCount");
                counts.noteTermination(status, false);
                String waiting = Json.text(status, "/state/waiting/reason");
                JsonNode terminated = Json.at(status, "/state/terminated");
                if (Json.present(Json.at(status, "/state/waiting")) && !waiting.isEmpty()) {
                    reason = waiting;
                } else if (Json.present(terminated) && !Json.text(terminated, "/reason").isEmpty()) {
                    reason = Json.text(terminated, "/reason");
                } else if (Json.present(terminated)) {
                    long signal = Json.integer(terminated, "/signal");
                    reason = signal != 0 ? "Signal:" + signal : "ExitCode:" + Json.integer(terminated, "/exitCode");
                } else if (Json.bool(status, "/ready") && Json.present(Json.at(status, "/state/running"))) {
                    hasRunning = true;
                    counts.ready++;
                }
            }
            // A pod whose last container completed while another still runs is not "Completed".
            if (reason.equals("Completed") && hasRunning) {
                reason = hasReadyCondition(pod) ? "Running" : "NotReady";
            }
        }

        boolean deleting = Json.time(pod, "/metadata/deletionTimestamp").isPresent();
        if (deleting && Json.text(pod, "/status/reason").equals(NODE_UNREACHABLE_POD_REASON)) {
            reason = "Unknown";
        } else if (deleting && !phase.equals("Failed") && !phase.equals("Succeeded")) {
            reason = "Terminating";
        }

        String restarts = Long.toString(counts.restarts);
        if (counts.restarts != 0 && counts.lastRestart.isPresent()) {
            restarts = counts.restarts + " (" + HumanDuration.since(counts.lastRestart, now) + " ago)";
        }

        return List.of(RowPrinter.name(pod), counts.ready + "/" + totalContainers, reason, restarts,
                RowPrinter.age(pod, now), orNone(podIP(pod)), orNone(Json.text(pod, "/spec/nodeName")),
                orNone(Json.text(pod, "/status/nominatedNodeName")), readinessGates(pod));
    }

    private record InitState(String reason, boolean initializing) {
    }

    /** Walks init container statuses up to the first one that has not finished (sidecars count as finished). */
    private static InitState scanInitContainers(JsonNode pod, Map<String, JsonNode> initByName, int initCount,
                                                Counts counts, String reason) {
        List<JsonNode> statuses = Json.array(pod, "/status/initContainerStatuses");
        for (int i = 0; i < statuses.size(); i++) {
            JsonNode status = statuses.get(i);
            boolean restartable = isRestartable(initByName.get(Json.text(status, "/name")));
            counts.restarts += Json.integer(status, "/restartCount");
            counts.noteTermination(status, false);
            if (restartable) {
                counts.sidecarRestarts += Json.integer(status, "/restartCount");
                counts.noteTermination(status, true);
            }
            JsonNode terminated = Json.at(status, "/state/terminated");
            JsonNode waiting = Json.at(status, "/state/waiting");
            if (Json.present(terminated) && Json.integer(terminated, "/exitCode") == 0) {
                continue;
            }
            if (restartable && Json.bool(status, "/started")) {
                if (Json.bool(status, "/ready")) {
                    counts.ready++;
                }
                continue;
            }
            if (Json.present(terminated)) {
                String terminatedReason = Json.text(terminated, "/reason");
                if (terminatedReason.isEmpty()) {
                    long signal = Json.integer(terminated, "/signal");
                    return new InitState(signal != 0 ? "Init:Signal:" + signal
                            : "Init:ExitCode:" + Json.integer(terminated, "/exitCode"), true);
                }
                return new InitState("Init:" + terminatedReason, true);
            }
            String waitingReason = Json.text(waiting, "/reason");
            if (Json.present(waiting) && !waitingReason.isEmpty() && !waitingReason.equals("PodInitializing")) {
                return new InitState("Init:" + waitingReason, true);
            }
            return new InitState("Init:" + i + "/" + initCount, true);
        }
        return new InitState(reason, false);
    }

    /** Restart counters; "last restart" is the latest {@code lastState.terminated.finishedAt}. */
    private static final class Counts {
        long restarts;
        long sidecarRestarts;
        int ready;
        Optional<Instant> lastRestart = Optional.empty();
        Optional<Instant> lastSidecarRestart = Optional.empty();

        void noteTermination(JsonNode status, boolean sidecar) {
            if (!Json.present(Json.at(status, "/lastState/terminated"))) {
                return;
            }
            Optional<Instant> finished = Json.time(status, "/lastState/terminated/finishedAt");
            if (finished.isEmpty()) {
                return;
            }
            if (sidecar) {
                lastSidecarRestart = later(lastSidecarRestart, finished.get());
            } else {
                lastRestart = later(lastRestart, finished.get());
            }
        }

        private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
            return current.isEmpty() || current.get().isBefore(candidate) ? Optional.of(candidate) : current;
        }
    }

    /** A sidecar: an init container with {@code restartPolicy: Always}. */
    private static boolean isRestartable(JsonNode initContainer) {
        return initContainer != null && Json.text(initContainer, "/restartPolicy").equals("Always");
    }

    private static boolean isInitializedConditionTrue(JsonNode pod) {
        for (JsonNode condition : Json.array(pod, "/status/conditions")) {
            if (Json.text(condition, "/type").equals("Initialized")) {
                return Json.text(condition, "/status").equals("True");
            }
        }
        return false;
    }

    private static boolean hasReadyCondition(JsonNode pod) {
        for (JsonNode condition : Json.array(pod, "/status/conditions")) {
            if (Json.text(condition, "/type").equals("Ready") && Json.text(condition, "/status").equals("True")) {
                return true;
            }
        }
        return false;
    }

    /** The first pod IP; v1 objects may carry only the legacy {@code podIP} (conversion fills podIPs from it). */
    private static String podIP(JsonNode pod) {
        String first = Json.text(pod, "/status/podIPs/0/ip");
        return first.isEmpty() ? Json.text(pod, "/status/podIP") : first;
    }

    private static String readinessGates(JsonNode pod) {
        List<JsonNode> gates = Json.array(pod, "/spec/readinessGates");
        if (gates.isEmpty()) {
            return "<none>";
        }
        int trueConditions = 0;
        for (JsonNode gate : gates) {
            String type = Json.text(gate, "/conditionType");
            for (JsonNode condition : Json.array(pod, "/status/conditions")) {
                if (Json.text(condition, "/type").equals(type)) {
                    if (Json.text(condition, "/status").equals("True")) {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return trueConditions + "/" + gates.size();
    }

    static String orNone(String s) {
        return s.isEmpty() ? "<none>" : s;
    }
}
