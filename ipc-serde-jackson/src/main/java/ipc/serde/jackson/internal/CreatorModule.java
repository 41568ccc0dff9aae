package ipc.serde.jackson.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * The Jackson module that makes values built through a constructor with arguments (records, {@code @JsonCreator}
 * constructors) cheaper to create: jackson-databind 3.3 calls such a constructor with
 * {@code MethodHandle.invokeWithArguments}, which looks up a method type and adapts the handle on every call
 * ({@code perf record}: 10 % of a message of 100 small records). Where Jackson's own instantiator would call an
 * accessible constructor, {@link ConstructorInstantiator} calls it through {@link Constructor#newInstance}, whose
 * accessor the JDK builds once; failures are reported exactly as Jackson reports them. Any other instantiator (a
 * factory method, a delegating creator, one the application installed) is left alone.
 *
 * <h2>Thread safety</h2>
 * Stateless; safe to register from any thread.
 */
final class CreatorModule extends NamedModule {

    CreatorModule() {
        super("ipc-channel-creators");
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                    BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
                return ConstructorInstantiator.replacing(defaultInstantiator);
            }
        });
    }

    /**
     * Jackson's standard instantiator, creating from arguments with a direct constructor call.
     *
     * <h2>Thread safety</h2>
     * Immutable and thread-safe, as Jackson's.
     */
    static final class ConstructorInstantiator extends StdValueInstantiator {

        private final Constructor<?> constructor;

        private ConstructorInstantiator(StdValueInstantiator standard, Constructor<?> constructor) {
            super(standard);
            this.constructor = constructor;
        }

        /**
         * This instantiator in place of {@code instantiator} when that is Jackson's own and creates from arguments
         * with a constructor this module may call; otherwise {@code instantiator} itself.
         */
        static ValueInstantiator replacing(ValueInstantiator instantiator) {
            if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.canCreateFromObjectWith()
                    || !(instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
                return instantiator;
            }
            Constructor<?> constructor = creator.getAnnotated();
            if (constructor.getDeclaringClass() != instantiator.getValueClass() || !constructor.canAccess(null)) {
                return instantiator;
            }
            return new ConstructorInstantiator((StdValueInstantiator) instantiator, constructor);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // as Jackson's call lets it through
                }
                return context.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(context, e));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return context.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(context, e));
            }
        }
    }
}
