/** Strict JSON reading that keeps the source positions of objects (statement positions for SimulatePolicy). */
package dev.gatehouse.iam.policy.json;
