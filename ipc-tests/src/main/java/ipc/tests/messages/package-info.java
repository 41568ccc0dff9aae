/**
 * Message types the contract suites send: plain values ({@link ipc.tests.messages.Person}), values carrying handles
 * in record fields, generic records, lists, maps and a mutable bean, and large chunks for ordering tests. Every
 * type is public and lives in an open module so that any serializer can reflect on it.
 */
package ipc.tests.messages;
