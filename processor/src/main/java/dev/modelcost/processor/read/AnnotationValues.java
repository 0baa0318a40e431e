package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The values of one annotation, read through the mirror API (defaults included), never by loading classes;
 * with the position of each value the user wrote.
 */
public final class AnnotationValues {
    /** What javac's {@code Attribute.Error} prints: the value of an expression it could not attribute. */
    private static final String UNRESOLVED = "<error>";

    private final Element element;
    private final AnnotationMirror mirror;
    private final Map<String, AnnotationValue> withDefaults;
    /** By name on the first look-up: most annotations are never asked where a value was written. */
    private Map<String, AnnotationValue> written;

    public AnnotationValues(Elements elements, Element element, AnnotationMirror mirror) {
        this.element = element;
        this.mirror = mirror;
        this.withDefaults = byName(elements.getElementValuesWithDefaults(mirror));
    }

    /**
     * The values by attribute name, each name converted once: javac's {@code Name.contentEquals} converts the
     * name to a {@code String} on every call, and looking every attribute up among all of them did that some
     * hundred times per layer.
     */
    private Map<String, AnnotationValue> written() {
        if (written == null) {
            written = byName(mirror.getElementValues());
        }
        return written;
    }

    private static Map<String, AnnotationValue> byName(
            Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
        Map<String, AnnotationValue> byName = new HashMap<>(values.size() * 2);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            byName.put(entry.getKey().getSimpleName().toString(), entry.getValue());
        }
        return byName;
    }

    /** Where the annotation itself is. */
    public Position annotation() {
        return Position.of(element, mirror);
    }

    /** Where the attribute's value is when it was written, else where the annotation is. */
    public Position position(String attribute) {
        AnnotationValue value = find(written(), attribute);
        return new Position(element, mirror, value);
    }

    /** Whether the attribute was written rather than defaulted. */
    public boolean isWritten(String attribute) {
        return find(written(), attribute) != null;
    }

    public int intValue(String attribute) {
        return as(Integer.class, value(attribute), attribute, "int");
    }

    public long longValue(String attribute) {
        return as(Long.class, value(attribute), attribute, "long");
    }

    public boolean booleanValue(String attribute) {
        return as(Boolean.class, value(attribute), attribute, "boolean");
    }

    public String stringValue(String attribute) {
        return as(String.class, value(attribute), attribute, "String");
    }

    /** The simple name of an enum constant. */
    public String enumValue(String attribute) {
        return as(VariableElement.class, value(attribute), attribute, "enum").getSimpleName().toString();
    }

    public int[] intsValue(String attribute) {
        List<? extends AnnotationValue> list = items(attribute, "int[]");
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = as(Integer.class, list.get(i), attribute, "int[]");
        }
        return result;
    }

    /** A nested annotation's values. */
    public AnnotationValues nested(Elements elements, String attribute) {
        AnnotationMirror nested = as(AnnotationMirror.class, value(attribute), attribute, "annotation");
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
        List<? extends AnnotationValue> list = items(attribute, "String[]");
        List<String> result = new ArrayList<>(list.size());
        for (AnnotationValue item : list) {
            result.add(as(String.class, item, attribute, "String[]"));
        }
        return result;
    }

    /** The type named by a {@code Class<?>} attribute. */
    public TypeMirror typeValue(String attribute) {
        AnnotationValue value = value(attribute);
        TypeMirror type = as(TypeMirror.class, value, attribute, "Class");
        if (type.getKind() == TypeKind.ERROR) {
            throw unresolved(value, attribute);
        }
        return type;
    }

    /** A {@code double} attribute. */
    public double doubleValue(String attribute) {
        return as(Double.class, value(attribute), attribute, "double");
    }

    private AnnotationValue value(String attribute) {
        AnnotationValue value = find(withDefaults, attribute);
        if (value == null) {
            throw new MalformedAnnotationException(annotation(), annotationName(), attribute, "such");
        }
        return value;
    }

    /** The items of an array attribute; javac hands a one-element array written without braces as a list too. */
    private List<? extends AnnotationValue> items(String attribute, String expected) {
        List<?> list = as(List.class, value(attribute), attribute, expected);
        List<AnnotationValue> items = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof AnnotationValue value)) {
                throw new MalformedAnnotationException(annotation(), annotationName(), attribute, expected);
            }
            items.add(value);
        }
        return items;
    }

    private static AnnotationValue find(Map<String, AnnotationValue> values, String attribute) {
        return values.get(attribute);
    }

    /**
     * The value's content as this type. An unresolved value is never content: javac gives it as the text
     * {@code <error>} whatever the attribute's type, and only its {@code toString()} tells it from a string
     * constant of that text, which javac quotes.
     */
    private <T> T as(Class<T> type, AnnotationValue value, String attribute, String expected) {
        Object content = value.getValue();
        if (isUnresolved(value)) {
            throw unresolved(value, attribute);
        }
        if (!type.isInstance(content)) {
            throw new MalformedAnnotationException(annotation(), annotationName(), attribute, expected);
        }
        return type.cast(content);
    }

    /** Whether javac could not resolve this value (an error in the source, or a class not generated yet). */
    static boolean isUnresolved(AnnotationValue value) {
        // The content first: toString() quotes a string constant whole, which costs for a long expression.
        return UNRESOLVED.equals(value.getValue()) && UNRESOLVED.equals(value.toString());
    }

    private UnresolvedValueException unresolved(AnnotationValue value, String attribute) {
        return new UnresolvedValueException(new Position(element, mirror, value), annotationName(), attribute);
    }

    private String annotationName() {
        return AnnotationNames.simpleName(AnnotationNames.nameOf(mirror));
    }
}
