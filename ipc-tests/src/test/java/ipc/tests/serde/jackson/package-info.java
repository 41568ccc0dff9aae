/** The serializer conformance kit run against the Jackson serializer. */
package ipc.tests.serde.jackson;
