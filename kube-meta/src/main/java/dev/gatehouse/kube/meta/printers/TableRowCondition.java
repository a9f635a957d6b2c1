package dev.gatehouse.kube.meta.printers;

/**
 * A {@code TableRowCondition}. Upstream sets {@code Completed=True} on rows of pods that succeeded or failed.
 */
public record TableRowCondition(String type, String status, String reason, String message) {
}
