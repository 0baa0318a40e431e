package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The values of one annotation, read through the mirror API (defaults included), never by loading classes;
 * with the position of each value the user wrote.
 */
final class AnnotationValues {
    private final Element element;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> written;

    AnnotationValues(Elements elements, Element element, AnnotationMirror mirror) {
        this.element = element;
        this.mirror = mirror;
        this.withDefaults = elements.getElementValuesWithDefaults(mirror);
        this.written = mirror.getElementValues();
    }

    /** Where the annotation itself is. */
    Position annotation() {
        return Position.of(element, mirror);
    }

    /** Where the attribute's value is when it was written, else where the annotation is. */
    Position position(String attribute) {
        AnnotationValue value = find(written, attribute);
        return new Position(element, mirror, value);
    }

    /** Whether the attribute was written rather than defaulted. */
    boolean isWritten(String attribute) {
        return find(written, attribute) != null;
    }

    int intValue(String attribute) {
        return as(Integer.class, value(attribute).getValue(), attribute);
    }

    long longValue(String attribute) {
        return as(Long.class, value(attribute).getValue(), attribute);
    }

    boolean booleanValue(String attribute) {
        return as(Boolean.class, value(attribute).getValue(), attribute);
    }

    String stringValue(String attribute) {
        return as(String.class, value(attribute).getValue(), attribute);
    }

    /** The simple name of an enum constant. */
    String enumValue(String attribute) {
        return as(VariableElement.class, value(attribute).getValue(), attribute).getSimpleName().toString();
    }

    int[] intsValue(String attribute) {
        List<?> list = as(List.class, value(attribute).getValue(), attribute);
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            AnnotationValue item = as(AnnotationValue.class, list.get(i), attribute);
            result[i] = as(Integer.class, item.getValue(), attribute);
        }
        return result;
    }

    /** A nested annotation's values. */
    AnnotationValues nested(Elements elements, String attribute) {
        AnnotationMirror nested = as(AnnotationMirror.class, value(attribute).getValue(), attribute);
        return new AnnotationValues(elements, element, nested);
    }

    private AnnotationValue value(String attribute) {
        AnnotationValue value = find(withDefaults, attribute);
        if (value == null) {
            throw new MalformedAnnotationException(attribute);
        }
        return value;
    }

    private static AnnotationValue find(Map<? extends ExecutableElement, ? extends AnnotationValue> values,
            String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static <T> T as(Class<T> type, Object value, String attribute) {
        if (!type.isInstance(value)) {
            throw new MalformedAnnotationException(attribute);
        }
        return type.cast(value);
    }
}
