/**
 * Swapping serializers through the SPI: one application ({@link ipc.tests.children.SwapApp}) run in child JVMs with
 * the serializer chosen by {@code -Dipc.serializer}, by which single module is present, and explicitly per
 * channel, on the module path and on the class path; and the error when several are present and none is chosen.
 */
package ipc.tests.swap;
