/** Helpers shared by the kube-meta packages; not part of the module's API. */
package dev.gatehouse.kube.meta.internal;
