package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import java.util.List;

/**
 * One layer annotation's values, resolved in the scope of one use: a number from the attribute or from its
 * {@code ...Expr} twin, each labelled with the layer's full name and positioned for messages. A value that
 * cannot be resolved is reported and ends the reading (the layer is left out).
 */
public interface LayerValues {

    /** The layer's full name in this use, for messages. */
    String layer();

    boolean bool(String attribute);

    /** The constant's name of an enum attribute. */
    String enumValue(String attribute);

    double doubleValue(String attribute);

    List<String> strings(String attribute);

    /** A {@code String} attribute's value. */
    String string(String attribute);

    /** Whether the annotation has the attribute at all. */
    boolean has(String attribute);

    /** Whether the attribute or its twin was written. */
    boolean isGiven(String attribute);

    /** Where the attribute is, in this use. */
    Position position(String attribute);

    /** Where the annotation is, in this use. */
    Position annotation();

    /** A value the kind fixes, positioned at the annotation. */
    IntValue fixed(int value);

    /** A per-dimension value the kind fixes, positioned at the annotation. */
    IntsValue fixedInts(String attribute, int value);

    /** The attribute's value; reported when neither it nor its twin is written. */
    IntValue requiredInt(String attribute);

    /** The attribute's value, its default when not written. */
    IntValue optionalInt(String attribute);

    /** The attribute's values; reported when neither it nor its twin is written. */
    IntsValue requiredInts(String attribute);

    /** The attribute's values, its default when not written. */
    IntsValue ints(String attribute);

    /** The values of the field's {@code @Grouped}, or null without one. */
    LayerValues grouped();

    /** Reports a problem of the values and returns what to throw: the layer is then left out. */
    RuntimeException fail(Diagnostic diagnostic, Position position, Object... arguments);
}
