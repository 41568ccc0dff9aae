package ipc.serde.kryo.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One record component or instance field of a resolved type, with its resolved type: what the walk writes for it.
 *
 * @param name the component's or field's name
 * @param type its type in the resolved owner (type variables substituted)
 * @param component the record component, or null for a field
 * @param field the field, or null for a record component
 */
record Member(String name, Type type, RecordComponent component, Field field) {

    /** The components of the record {@code owner}, in declaration order (the canonical constructor's order). */
    static List<Member> ofRecord(Type owner) {
        Class<?> raw = GenericTypes.raw(owner);
        List<Member> members = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Type type = GenericTypes.memberType(owner, raw, component.getGenericType());
            members.add(new Member(component.getName(), type, component, null));
        }
        return members;
    }

    /**
     * The instance fields of {@code owner} that are not transient: superclass fields first, then by name within
     * each class (declaration order is not guaranteed by reflection, and both peers must agree).
     */
    static List<Member> ofFields(Type owner) {
        Class<?> raw = GenericTypes.raw(owner);
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Member> members = new ArrayList<>();
        for (Class<?> declaring : hierarchy) {
            Field[] fields = declaring.getDeclaredFields();
            Arrays.sort(fields, Comparator.comparing(Field::getName));
            for (Field field : fields) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                Type type = GenericTypes.memberType(owner, declaring, field.getGenericType());
                String name = declaring == raw ? field.getName() : declaring.getSimpleName() + "." + field.getName();
                members.add(new Member(name, type, null, field));
            }
        }
        return members;
    }
}
