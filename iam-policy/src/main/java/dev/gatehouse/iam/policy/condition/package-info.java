/** Condition operators (every family, IfExists, ForAnyValue / ForAllValues) compiled at parse time. */
package dev.gatehouse.iam.policy.condition;
