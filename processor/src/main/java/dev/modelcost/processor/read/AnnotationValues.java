package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The values of one annotation, read through the mirror API (defaults included), never by loading classes;
 * with the position of each value the user wrote.
 */
public final class AnnotationValues {
    private final Element element;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> written;

    public AnnotationValues(Elements elements, Element element, AnnotationMirror mirror) {
        this.element = element;
        this.mirror = mirror;
        this.withDefaults = elements.getElementValuesWithDefaults(mirror);
        this.written = mirror.getElementValues();
    }

    /** Where the annotation itself is. */
    public Position annotation() {
        return Position.of(element, mirror);
    }

    /** Where the attribute's value is when it was written, else where the annotation is. */
    public Position position(String attribute) {
        AnnotationValue value = find(written, attribute);
        return new Position(element, mirror, value);
    }

    /** Whether the attribute was written rather than defaulted. */
    public boolean isWritten(String attribute) {
        return find(written, attribute) != null;
    }

    public int intValue(String attribute) {
        return as(Integer.class, value(attribute).getValue(), attribute);
    }

    public long longValue(String attribute) {
        return as(Long.class, value(attribute).getValue(), attribute);
    }

    public boolean booleanValue(String attribute) {
        return as(Boolean.class, value(attribute).getValue(), attribute);
    }

    public String stringValue(String attribute) {
        return as(String.class, value(attribute).getValue(), attribute);
    }

    /** The simple name of an enum constant. */
    public String enumValue(String attribute) {
        return as(VariableElement.class, value(attribute).getValue(), attribute).getSimpleName().toString();
    }

    public int[] intsValue(String attribute) {
        List<?> list = as(List.class, value(attribute).getValue(), attribute);
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            AnnotationValue item = as(AnnotationValue.class, list.get(i), attribute);
            result[i] = as(Integer.class, item.getValue(), attribute);
        }
        return result;
    }

    /** A nested annotation's values. */
    public AnnotationValues nested(Elements elements, String attribute) {
        AnnotationMirror nested = as(AnnotationMirror.class, value(attribute).getValue(), attribute);
        return new AnnotationValues(elements, element, nested);
    }

    /** The element annotated. */
    public Element element() {
        return element;
    }

    /** Whether the annotation type declares this attribute. */
    public boolean has(String attribute) {
        return find(withDefaults, attribute) != null;
    }

    /**
     * The expression written in the attribute's {@code ...Expr} twin, or null when the twin is absent or empty:
     * {@code outExpr = "width * 4"} for {@code out}.
     */
    public String expression(String attribute) {
        String twin = attribute + "Expr";
        if (!has(twin)) {
            return null;
        }
        String text = stringValue(twin);
        return text.isBlank() ? null : text;
    }

    /** Where the {@code ...Expr} twin's value is. */
    public Position expressionPosition(String attribute) {
        return position(attribute + "Expr");
    }

    /** The strings of a {@code String[]} attribute. */
    public List<String> stringsValue(String attribute) {
        List<?> list = as(List.class, value(attribute).getValue(), attribute);
        List<String> result = new ArrayList<>(list.size());
        for (Object item : list) {
            result.add(as(String.class, as(AnnotationValue.class, item, attribute).getValue(), attribute));
        }
        return result;
    }

    /** The type named by a {@code Class<?>} attribute. */
    public TypeMirror typeValue(String attribute) {
        return as(TypeMirror.class, value(attribute).getValue(), attribute);
    }

    /** A {@code double} attribute. */
    public double doubleValue(String attribute) {
        return as(Double.class, value(attribute).getValue(), attribute);
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
