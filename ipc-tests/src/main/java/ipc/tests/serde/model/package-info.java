/**
 * Plain Java records the conformance kit sends through serializers of Java objects (Jackson, Kryo), used by
 * {@link ipc.tests.serde.RecordFixture}. Public, in an open module, so any serializer may reflect on them.
 */
package ipc.tests.serde.model;
