package ipc.tests.serde;

import ipc.api.TypeRef;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value to send, its declared type, and how to tell that what arrived equals it.
 *
 * <pre>{@code
 * Sample.of("a person", Person.class, new Person("Ada", 36))
 * Sample.of("a box of people", new TypeRef<Box<List<Person>>>() {}, box)
 * Sample.of("64 MiB blob", Blob.class, blob).comparedBy(b -> new Object[] {b.name(), b.data()})
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable if the value is.
 *
 * @param <T> the declared type
 */
public final class Sample<T> {

    private static final int SHOWN_CHARS = 300;

    private final String description;
    private final TypeRef<T> type;
    private final T value;
    private final Function<? super T, ?> view;

    private Sample(String description, TypeRef<T> type, T value, Function<? super T, ?> view) {
        this.description = Objects.requireNonNull(description, "description");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * A sample of a generic type.
     *
     * @param description what it is, for assertion messages
     * @param type its declared type
     * @param value the value, not null
     * @param <T> the declared type
     * @return the sample, compared with {@link Objects#deepEquals(Object, Object)}
     */
    public static <T> Sample<T> of(String description, TypeRef<T> type, T value) {
        return new Sample<>(description, type, value, Function.identity());
    }

    /**
     * A sample of a plain class.
     *
     * @param description what it is, for assertion messages
     * @param type its declared type
     * @param value the value, not null
     * @param <T> the declared type
     * @return the sample, compared with {@link Objects#deepEquals(Object, Object)}
     */
    public static <T> Sample<T> of(String description, Class<T> type, T value) {
        return of(description, TypeRef.of(type), value);
    }

    /**
     * The same sample compared through {@code view}: the views of the sent and the received value must be
     * {@link Objects#deepEquals(Object, Object) deeply equal}. Return an {@code Object[]} to compare arrays held in
     * fields by content, such as {@code b -> new Object[] {b.name(), b.data()}}.
     *
     * @param view what to compare
     * @return a new sample
     */
    public Sample<T> comparedBy(Function<? super T, ?> view) {
        return new Sample<>(description, type, value, view);
    }

    /** What the sample is, for assertion messages. */
    public String description() {
        return description;
    }

    /** The declared type of the channel that carries it. */
    public TypeRef<T> type() {
        return type;
    }

    /** The value sent. */
    public T value() {
        return value;
    }

    /**
     * Whether {@code received} equals the value sent, as defined by {@link #comparedBy}.
     *
     * @param received a decoded value
     * @return true if equal
     */
    public boolean matches(Object received) {
        if (!type.rawType().isInstance(received)) {
            return false;
        }
        @SuppressWarnings("unchecked") // checked against the raw type just above
        T typed = (T) received;
        return Objects.deepEquals(view.apply(value), view.apply(typed));
    }

    /** A bounded rendering of a value, for assertion messages. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "... (" + text.length()
                + " chars)";
    }

    @Override
    public String toString() {
        return description + " (" + type + ")";
    }
}
