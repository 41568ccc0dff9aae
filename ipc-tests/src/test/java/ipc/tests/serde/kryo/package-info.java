/** The serializer conformance kit run against the Kryo serializer. */
package ipc.tests.serde.kryo;
