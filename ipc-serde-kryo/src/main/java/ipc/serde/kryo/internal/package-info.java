/**
 * The Kryo serializer's type walk, codecs and safety nets; not exported. {@link ipc.serde.kryo.internal.CodecFactory}
 * is where to start reading.
 */
package ipc.serde.kryo.internal;
