package ipc.serde.jackson.internal;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.dataformat.cbor.CBORConstants;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORWriteFeature;

/**
 * A {@link CBORFactory} whose generators are {@link ValueBytesGenerator}s, configured as the factory it copies. Its
 * copies are of this class too; a factory {@link #rebuild() rebuilt} from it is Jackson's own again (still correct,
 * without the hand-over of large byte strings).
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe, as {@link CBORFactory}.
 */
final class ValueBytesFactory extends CBORFactory {

    private static final long serialVersionUID = 1L;

    ValueBytesFactory(CBORFactory configured) {
        super(configured);
    }

    @Override
    public CBORFactory copy() {
        return new ValueBytesFactory(this);
    }

    @Override
    protected JsonGenerator _createGenerator(ObjectWriteContext writeContext, IOContext ioContext,
            OutputStream out) {
        ValueBytesGenerator generator = new ValueBytesGenerator(writeContext, ioContext,
                writeContext.getStreamWriteFeatures(_streamWriteFeatures),
                writeContext.getFormatWriteFeatures(_formatWriteFeatures), out);
        // As CBORFactory does for the generators it makes.
        if (generator.isEnabled(CBORWriteFeature.WRITE_TYPE_HEADER)) {
            generator.writeTag(CBORConstants.TAG_ID_SELF_DESCRIBE);
        }
        if (generator.isEnabled(CBORWriteFeature.STRINGREF)) {
            generator.writeTag(CBORConstants.TAG_ID_STRINGREF_NAMESPACE);
        }
        return generator;
    }
}
