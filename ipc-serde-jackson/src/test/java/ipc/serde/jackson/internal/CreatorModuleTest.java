package ipc.serde.jackson.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Values made through a constructor with arguments (records, {@code @JsonCreator} constructors) are made by a direct
 * constructor call, and a constructor that fails is reported exactly as Jackson's own instantiator reports it; a
 * factory method is left to Jackson.
 */
class CreatorModuleTest {

    private static final CBORMapper OURS = MapperFactory.defaultMapper();
    /** Jackson's own instantiators: a mapper without this serializer's modules. */
    private static final CBORMapper JACKSONS = new CBORMapper();

    /** Whether the current stack holds this module's instantiator. */
    static boolean madeByTheModule() {
        return Arrays.stream(new Throwable().getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(CreatorModule.ConstructorInstantiator.class.getName()));
    }

    record Checked(int count, String name) {
        static final ThreadLocal<Boolean> BY_MODULE = new ThreadLocal<>();

        Checked {
            BY_MODULE.set(madeByTheModule());
            if (count < 0) {
                throw new IllegalArgumentException("a negative count: " + count);
            }
            if (count == 13) {
                throw new UnluckyError();
            }
        }
    }

    static final class UnluckyError extends Error {
        private static final long serialVersionUID = 1L;
    }

    record Made(String name) {
        static final ThreadLocal<Boolean> BY_MODULE = new ThreadLocal<>();

        @com.fasterxml.jackson.annotation.JsonCreator
        static Made of(@com.fasterxml.jackson.annotation.JsonProperty("name") String name) {
            BY_MODULE.set(madeByTheModule());
            return new Made(name);
        }
    }

    @Test
    void aRecordIsMadeByADirectConstructorCall() throws Exception {
        byte[] payload = JACKSONS.writeValueAsBytes(new Checked(3, "three"));
        assertEquals(new Checked(3, "three"), OURS.readValue(payload, Checked.class));
        assertTrue(Checked.BY_MODULE.get(), "made through the module's instantiator");
        List<Checked> many = OURS.readValue(JACKSONS.writeValueAsBytes(List.of(new Checked(1, "a"),
                new Checked(2, "b"))), OURS.getTypeFactory().constructCollectionType(List.class, Checked.class));
        assertEquals(List.of(new Checked(1, "a"), new Checked(2, "b")), many, "in a list");
    }

    @Test
    void aFailingConstructorIsReportedAsJacksonReportsIt() throws Exception {
        byte[] payload = JACKSONS.writeValueAsBytes(new Checked(1, "x")).clone();
        byte[] negative = JACKSONS.writeValueAsBytes(java.util.Map.of("count", -5, "name", "x"));
        DatabindException ours = assertThrows(DatabindException.class, () -> OURS.readValue(negative, Checked.class));
        assertTrue(Checked.BY_MODULE.get(), "made through the module's instantiator");
        DatabindException jacksons = assertThrows(DatabindException.class,
                () -> JACKSONS.readValue(negative, Checked.class));
        assertEquals(jacksons.getClass(), ours.getClass(), "the exception type");
        assertEquals(jacksons.getMessage(), ours.getMessage(), "the message");
        assertEquals(IllegalArgumentException.class, ours.getCause().getClass(), "the cause");
        assertEquals(new Checked(1, "x"), OURS.readValue(payload, Checked.class), "the next value");

        byte[] unlucky = JACKSONS.writeValueAsBytes(java.util.Map.of("count", 13, "name", "x"));
        assertThrows(UnluckyError.class, () -> JACKSONS.readValue(unlucky, Checked.class), "Jackson lets errors out");
        assertThrows(UnluckyError.class, () -> OURS.readValue(unlucky, Checked.class), "so does the module");
    }

    @Test
    void aFactoryMethodIsLeftToJackson() throws Exception {
        assertEquals(new Made("m"), OURS.readValue(JACKSONS.writeValueAsBytes(new Made("m")), Made.class));
        assertFalse(Made.BY_MODULE.get(), "made by Jackson's own instantiator");
    }
}
