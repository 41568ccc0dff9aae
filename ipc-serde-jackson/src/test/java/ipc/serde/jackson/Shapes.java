package ipc.serde.jackson;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.concurrent.atomic.AtomicBoolean;

/** Types whose polymorphic type ids are class names, and tripwires that record whether a class was initialized. */
final class Shapes {

    private Shapes() {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    interface Shape {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    record Drawing(Shape shape) {}

    record TypeTag(Class<?> type) {}

    /** Set by the static initializers below, which run only if something loads the class with initialization. */
    static final class Tripwires {
        static final AtomicBoolean SHAPE = new AtomicBoolean();
        static final AtomicBoolean CLASS_VALUE = new AtomicBoolean();
        static final AtomicBoolean JACKSON_DEFAULTS = new AtomicBoolean();

        private Tripwires() {}
    }

    /** A valid Shape that a hostile peer names. */
    static final class ShapeTripwire implements Shape {
        static {
            Tripwires.SHAPE.set(true);
        }

        public double radius;
    }

    /** A class that a hostile peer names as a Class value. */
    static final class ClassValueTripwire {
        static {
            Tripwires.CLASS_VALUE.set(true);
        }
    }

    /** Named to a mapper with Jackson's own defaults, to show the threat is real. */
    static final class JacksonDefaultsTripwire implements Shape {
        static {
            Tripwires.JACKSON_DEFAULTS.set(true);
        }

        public double radius;
    }
}
