package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Optional;

/**
 * An {@link Optional}: whether it is present, then the value as the declared type argument says.
 *
 * <h2>Thread safety</h2>
 * Immutable once {@linkplain #resolve resolved}, which the {@link SerializerCache} does before publishing it.
 */
final class OptionalValueSerializer extends Serializer<Object> {

    private Position content;

    void resolve(Position contentPosition) {
        this.content = contentPosition;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        Optional<?> optional = (Optional<?>) object;
        output.writeBoolean(optional.isPresent());
        if (optional.isPresent()) {
            content.write(kryo, output, optional.get());
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        if (!input.readBoolean()) {
            return Optional.empty();
        }
        Object value = content.read(kryo, input);
        if (value == null) {
            throw new KryoException("The message holds a present Optional of " + content.describe()
                    + " whose value is null");
        }
        return Optional.of(value);
    }
}
